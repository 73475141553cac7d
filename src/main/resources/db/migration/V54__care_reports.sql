-- Progress reports and discharge summaries a practitioner writes and signs for a plan. The
-- PDF is made once, at signing, and kept sealed: what a provider downloads later is exactly
-- what was signed, even after the plan's data moves on. The summary and follow-up advice are
-- sealed too (free text about the patient's health).
CREATE TABLE care_report (
    id          uuid PRIMARY KEY,
    plan_id     uuid NOT NULL REFERENCES treatment_plan (id),
    patient_id  uuid NOT NULL REFERENCES patient (id),
    kind        text NOT NULL CHECK (kind IN ('PROGRESS', 'DISCHARGE')),
    summary     text NOT NULL,
    follow_up   text,
    pdf         text NOT NULL,
    pages       integer NOT NULL CHECK (pages > 0),
    signed_by   text NOT NULL,
    signed_at   timestamptz NOT NULL
);
CREATE INDEX care_report_plan ON care_report (plan_id, signed_at);
CREATE INDEX care_report_patient ON care_report (patient_id, kind);

-- A report sent to another provider: a link with a random token (only its hash is kept) that
-- opens this one report and nothing else, until it expires.
CREATE TABLE care_report_link (
    id              uuid PRIMARY KEY,
    report_id       uuid NOT NULL REFERENCES care_report (id),
    token_hash      bytea NOT NULL UNIQUE,
    provider_name   text NOT NULL,
    provider_email  text NOT NULL,
    sent_by         text NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    downloads       integer NOT NULL DEFAULT 0
);
CREATE INDEX care_report_link_report ON care_report_link (report_id);

-- The message carrying such a link to a provider.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'SERIES_BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK',
                    'REGISTRATION', 'QUESTIONNAIRE_DUE', 'PROVIDER_REPORT'));
