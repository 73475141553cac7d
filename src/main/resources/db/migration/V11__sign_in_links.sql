-- Patients may sign in with a link sent to their email: valid 10 minutes, usable once. Only a hash
-- of its secret is kept. The link goes out through the outbox like every other message.
CREATE TABLE sign_in_link (
    token_hash  bytea PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES account (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX sign_in_link_account ON sign_in_link (account_id, created_at);

ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK'));
