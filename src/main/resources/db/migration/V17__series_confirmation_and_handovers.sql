-- One confirmation for a whole series of visits (subject: the series), instead of one per visit.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'SERIES_BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK'));

-- A dispatcher writes one row here, in a transaction of its own that commits, just before it hands a
-- message to SMTP or the text message provider; the outbox row itself stays locked by the sending
-- transaction until it is marked sent. So after a crash the database still knows which messages may
-- have reached the patient (a row here) and which certainly did not (none): a message that certainly
-- did not can be superseded by a move, or forgotten by a cancellation, without a word to the patient.
-- A hand-over the transport reports as refused is deleted again. No foreign key: the outbox row is
-- locked FOR UPDATE by the very transaction that waits for this insert.
CREATE TABLE outbox_handover (
    message_id  uuid NOT NULL,
    attempt     int NOT NULL,
    dispatcher  text NOT NULL,
    handed_at   timestamptz NOT NULL,
    PRIMARY KEY (message_id, attempt)
);
