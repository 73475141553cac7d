-- Patients register themselves. Whatever address they give, the page answers the same "check your
-- email"; the email then either carries a link to finish (valid 60 minutes, usable once, only a hash
-- of its secret kept) or, for an address that has an account already, says so and how to sign in.
-- Rows are written either way, so both answers do the same work and take the same time.
CREATE TABLE registration (
    id          uuid PRIMARY KEY,
    email       text NOT NULL CHECK (email = lower(email)),
    token_hash  bytea UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX registration_email ON registration (email, created_at);

-- Such an email goes to an address that is not a patient yet: the outbox row then names its
-- recipient itself.
ALTER TABLE outbox_message ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_addressed
    CHECK (patient_id IS NOT NULL OR (recipient IS NOT NULL AND channel = 'EMAIL'));

ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK',
                    'REGISTRATION'));
