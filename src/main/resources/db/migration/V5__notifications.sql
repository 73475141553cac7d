-- Notifications that never get lost: an outbox written in the booking's own transaction, patients'
-- channel choices, video links, practitioners' calendar feeds and the waitlist.

ALTER TABLE patient
    ADD COLUMN notify_by text NOT NULL DEFAULT 'email' CHECK (notify_by IN ('email', 'sms', 'both')),
    ADD COLUMN notifications_opted_out boolean NOT NULL DEFAULT false;

-- One row per message and channel. Its key (subject, kind, occurrence, channel) is unique, so a
-- message is planned at most once. A dispatcher claims due rows with FOR UPDATE SKIP LOCKED and marks
-- them 'sending' with a lease; a row still 'sending' after its lease ran out was being sent when its
-- dispatcher died, and is sent again with the same message_id (resend = true).
CREATE TABLE outbox_message (
    id            uuid PRIMARY KEY,
    subject_id    uuid NOT NULL,
    patient_id    uuid NOT NULL REFERENCES patient (id),
    kind          text NOT NULL CHECK (kind IN ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER')),
    occurrence    text NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    due_at        timestamptz NOT NULL,
    expires_at    timestamptz,
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dropped', 'failed')),
    attempts      int NOT NULL DEFAULT 0,
    lease_owner   text,
    lease_until   timestamptz,
    resend        boolean NOT NULL DEFAULT false,
    message_id    text NOT NULL UNIQUE,
    transport     text,
    recipient     text,
    subject       text,
    body_text     text,
    body_html     text,
    last_error    text,
    dropped_why   text,
    sent_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subject_id, kind, occurrence, channel),
    CHECK ((status = 'sending') = (lease_until IS NOT NULL))
);
CREATE INDEX outbox_message_due ON outbox_message (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_message_subject ON outbox_message (subject_id);
CREATE INDEX outbox_message_sent ON outbox_message (sent_at DESC) WHERE status = 'sent';

-- The secret part of a video visit's join link, and the meeting room it leads to.
CREATE TABLE video_link (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id) ON DELETE CASCADE,
    token           text NOT NULL UNIQUE,
    room            text NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- A practitioner's private calendar feed; only a hash of its secret token is kept.
CREATE TABLE calendar_feed (
    id               uuid PRIMARY KEY,
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    token_hash       bytea NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz
);
CREATE INDEX calendar_feed_practitioner ON calendar_feed (practitioner_id);

-- Patients waiting for a time; served in the order they asked (position). The patient withdraws with
-- the entry's secret token, of which only a hash is kept.
CREATE TABLE waitlist_entry (
    id               uuid PRIMARY KEY,
    position         bigserial NOT NULL UNIQUE,
    patient_id       uuid NOT NULL REFERENCES patient (id),
    service_id       text NOT NULL REFERENCES care_service (id),
    practitioner_id  text REFERENCES practitioner (id),
    location         text,
    first_day        date NOT NULL,
    last_day         date NOT NULL,
    earliest         time NOT NULL,
    latest           time NOT NULL,
    token_hash       bytea NOT NULL,
    status           text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
    appointment_id   uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (last_day >= first_day),
    CHECK (latest >= earliest)
);
CREATE INDEX waitlist_entry_waiting ON waitlist_entry (service_id, position) WHERE status = 'waiting';

-- A time that became free (a cancellation or a move), written in that change's transaction so it is
-- never forgotten; the waitlist worker offers it to waiting patients one after another.
CREATE TABLE waitlist_opening (
    id               uuid PRIMARY KEY,
    service_id       text NOT NULL,
    practitioner_id  text NOT NULL,
    location         text NOT NULL,
    start_at         timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'exhausted')),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX waitlist_opening_open ON waitlist_opening (created_at) WHERE status = 'open';

-- An offer of an opening to one waiting patient, backed by a hold on that time.
CREATE TABLE waitlist_offer (
    id               uuid PRIMARY KEY,
    opening_id       uuid NOT NULL REFERENCES waitlist_opening (id),
    entry_id         uuid NOT NULL REFERENCES waitlist_entry (id),
    hold_id          uuid NOT NULL,
    expires_at       timestamptz NOT NULL,
    token_hash       bytea NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'expired', 'declined')),
    appointment_id   uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (opening_id, entry_id)
);
CREATE UNIQUE INDEX waitlist_offer_one_open_per_opening ON waitlist_offer (opening_id) WHERE status = 'open';
