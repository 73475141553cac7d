-- Questionnaires sent ahead of plan visits by a job that one node at a time runs (issue 14).

-- Each plan visit is looked at once for the measures due before it: the row is written in the
-- transaction that sends the questionnaire (or finds none due), so two nodes never both send.
CREATE TABLE questionnaire_visit_check (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id),
    plan_id         uuid NOT NULL REFERENCES treatment_plan (id),
    request_id      uuid REFERENCES questionnaire_request (id),
    checked_by      text NOT NULL,
    checked_at      timestamptz NOT NULL
);

-- A job that one node at a time runs takes its lease here; another node takes over only once
-- the lease has run out (its holder stopped renewing it).
CREATE TABLE job_lease (
    job          text PRIMARY KEY,
    owner        text NOT NULL,
    lease_until  timestamptz NOT NULL
);
