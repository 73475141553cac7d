-- What the practitioner sees of each link sent: the address as they typed it (the one mail
-- goes to is kept in lower case), when the provider first opened it, and whether it was
-- withdrawn, when and by whom. A withdrawn link opens nothing, whatever its expiry.
ALTER TABLE care_report_link
    ADD COLUMN provider_email_typed text,
    ADD COLUMN opened_at            timestamptz,
    ADD COLUMN revoked_at           timestamptz,
    ADD COLUMN revoked_by           text;

-- Links sent before this kept only the address in lower case: that is what was typed, as
-- far as anyone can now tell.
UPDATE care_report_link SET provider_email_typed = provider_email;
ALTER TABLE care_report_link ALTER COLUMN provider_email_typed SET NOT NULL;
