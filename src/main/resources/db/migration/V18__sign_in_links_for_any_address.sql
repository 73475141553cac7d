-- Asking for a sign-in link writes the same rows whether or not the address has a patient account, so
-- the answer takes the same time: a link row (for no account, one that can never be used) and an
-- email (for no account, one saying so and how to open one). The hourly limit counts by address.
ALTER TABLE sign_in_link ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE sign_in_link ADD COLUMN email text;
UPDATE sign_in_link SET email = account.email FROM account WHERE account.id = sign_in_link.account_id;
ALTER TABLE sign_in_link ALTER COLUMN email SET NOT NULL;
CREATE INDEX sign_in_link_email ON sign_in_link (email, created_at);
