-- A practitioner's initial assessment of a patient and the treatment plans made from it
-- (issue 14). What is clinical (complaint, history, findings, goals, techniques) is one
-- sealed JSON value per row (org.unknot.privacy), bound to its row; what scheduling and
-- lists need (who, when, state, how many visits) stays in plain columns.
CREATE TABLE assessment (
    id               uuid PRIMARY KEY,
    patient_id       uuid NOT NULL REFERENCES patient (id),
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    content          text NOT NULL,
    recorded_at      timestamptz NOT NULL
);

CREATE INDEX assessment_patient ON assessment (patient_id, recorded_at);

CREATE TABLE treatment_plan (
    id                  uuid PRIMARY KEY,
    assessment_id       uuid NOT NULL REFERENCES assessment (id),
    patient_id          uuid NOT NULL REFERENCES patient (id),
    practitioner_id     text NOT NULL REFERENCES practitioner (id),
    service_id          text NOT NULL REFERENCES care_service (id),
    status              text NOT NULL CHECK (status IN ('draft', 'active', 'under-review', 'completed', 'discontinued')),
    current_version     int NOT NULL CHECK (current_version >= 1),
    signed_at           timestamptz,
    ended_at            timestamptz,
    discontinue_reason  text,
    created_at          timestamptz NOT NULL
);

CREATE INDEX treatment_plan_patient ON treatment_plan (patient_id, created_at);

-- Every version of a plan's terms; a change after signing adds a version and keeps the one
-- signed. A draft is changed in place (version 1) until it is signed.
CREATE TABLE treatment_plan_version (
    id            uuid PRIMARY KEY,
    plan_id       uuid NOT NULL REFERENCES treatment_plan (id),
    version       int NOT NULL CHECK (version >= 1),
    every_weeks   smallint NOT NULL CHECK (every_weeks IN (1, 2)),
    visits        smallint NOT NULL CHECK (visits BETWEEN 1 AND 52),
    start_date    date NOT NULL,
    review_date   date NOT NULL,
    terms         text NOT NULL,
    reason        text,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL,
    UNIQUE (plan_id, version)
);

-- The visits booked for a plan. A cancelled visit stays linked (so the plan can say what is
-- missing); it just no longer counts as booked.
CREATE TABLE plan_visit (
    plan_id         uuid NOT NULL REFERENCES treatment_plan (id),
    appointment_id  uuid NOT NULL REFERENCES appointment (id),
    linked_at       timestamptz NOT NULL,
    PRIMARY KEY (plan_id, appointment_id)
);

CREATE UNIQUE INDEX plan_visit_appointment ON plan_visit (appointment_id);
