-- One confirmation for a whole series of visits (subject: the series), instead of one per visit.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'SERIES_BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK',
                    'REGISTRATION'));

-- A dispatcher writes one row here, in a transaction of its own that commits, just before it hands a
-- message to SMTP or the text message provider, with exactly what it hands over; the outbox row itself
-- stays locked by the sending transaction until it is marked sent. So after a crash the database knows
-- which messages may have reached the patient (a row here) and which certainly did not (none): one
-- that certainly did not can be superseded by a move, or forgotten by a cancellation, without a word
-- to the patient; one that may have is sent again byte for byte as it was (same Message-ID, same
-- content), so a receiver that drops repeats loses nothing. A hand-over the transport reports as
-- refused is deleted again. No foreign key: the outbox row is locked FOR UPDATE by the very
-- transaction that waits for this insert.
CREATE TABLE outbox_handover (
    message_id     uuid NOT NULL,
    attempt        int NOT NULL,
    dispatcher     text NOT NULL,
    handed_at      timestamptz NOT NULL,
    recipient      text NOT NULL,
    subject        text,
    body_text      text NOT NULL,
    body_html      text,
    calendar       bytea,
    calendar_type  text,
    PRIMARY KEY (message_id, attempt)
);
