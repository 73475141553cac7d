-- Outcome measures (issue 14): questionnaires a clinic holds a licence for, which measures a plan takes
-- when, the answers with their scores, and the one-time links that ask a patient to answer.

-- An instrument an admin added: its definition is the JSON the admin uploaded (a subset of FHIR
-- Questionnaire), kept as given; the built-in measures (pain NRS, PSFS, PGIC) live in code.
CREATE TABLE questionnaire_definition (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
    title       text NOT NULL,
    definition  text NOT NULL,
    added_by    text NOT NULL,
    added_at    timestamptz NOT NULL
);

-- Which measures a treatment plan takes when. No foreign key to the plan yet: plans arrive in
-- their own change and the key is added when they meet.
CREATE TABLE measure_schedule (
    plan_id     uuid NOT NULL,
    measure     text NOT NULL,
    timing      text NOT NULL CHECK (timing IN ('START', 'EVERY_VISITS', 'EVERY_WEEKS', 'REVIEW', 'DISCHARGE')),
    every       int CHECK (every IS NULL OR every BETWEEN 1 AND 52),
    PRIMARY KEY (plan_id, measure, timing),
    CHECK ((timing IN ('EVERY_VISITS', 'EVERY_WEEKS')) = (every IS NOT NULL))
);

-- A questionnaire (one or more measures) sent to a patient before a visit: only the hash of its link's token is kept; it is
-- answered once and not after it expires.
CREATE TABLE questionnaire_request (
    id              uuid PRIMARY KEY,
    patient_id      uuid NOT NULL REFERENCES patient (id),
    measures        text NOT NULL CHECK (measures ~ '^[a-z0-9-]+(,[a-z0-9-]+)*$'),
    plan_id         uuid,
    appointment_id  uuid,
    token_hash      bytea NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    answered_at     timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX questionnaire_request_patient ON questionnaire_request (patient_id) WHERE answered_at IS NULL;

-- One answered questionnaire: the answers sealed (bound to the row's id), the score in the clear so
-- progress can be drawn without opening every answer.
CREATE TABLE measure_response (
    id              uuid PRIMARY KEY,
    patient_id      uuid NOT NULL REFERENCES patient (id),
    measure         text NOT NULL,
    plan_id         uuid,
    appointment_id  uuid,
    request_id      uuid REFERENCES questionnaire_request (id),
    score           numeric(7, 2) NOT NULL,
    answers         text NOT NULL,
    entered_by      text NOT NULL,
    answered_at     timestamptz NOT NULL
);
CREATE INDEX measure_response_patient ON measure_response (patient_id, answered_at);
