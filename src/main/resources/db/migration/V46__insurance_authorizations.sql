-- A payer's authorization for one patient: so many visits of the services (or CPT codes) it names,
-- between two dates (local to where the visits take place), under the payer's reference number.
CREATE TABLE insurance_authorization (
    id           uuid PRIMARY KEY,
    patient_id   uuid NOT NULL REFERENCES patient (id),
    plan_id      text NOT NULL REFERENCES insurance_plan (id),
    reference    text NOT NULL CHECK (length(reference) BETWEEN 1 AND 60),
    visits       int NOT NULL CHECK (visits BETWEEN 1 AND 365),
    first_day    date NOT NULL,
    last_day     date NOT NULL,
    service_ids  text[] NOT NULL DEFAULT '{}',
    cpt_codes    text[] NOT NULL DEFAULT '{}',
    recorded_at  timestamptz NOT NULL,
    CHECK (last_day >= first_day),
    CHECK (cardinality(service_ids) + cardinality(cpt_codes) > 0),
    UNIQUE (plan_id, reference)
);

CREATE INDEX insurance_authorization_patient ON insurance_authorization (patient_id, plan_id);

-- Each visit booked under an authorization counts against it until it is cancelled (released_at),
-- which gives the visit back. Counting takes the authorization's row lock, so two bookings never
-- both take its last visit.
CREATE TABLE authorized_visit (
    appointment_id    uuid PRIMARY KEY REFERENCES appointment (id),
    authorization_id  uuid NOT NULL REFERENCES insurance_authorization (id),
    counted_at        timestamptz NOT NULL,
    released_at       timestamptz
);

CREATE INDEX authorized_visit_authorization ON authorized_visit (authorization_id) WHERE released_at IS NULL;
