-- What a practitioner records of a visit: pain before and after (0-10), which the patient sees as
-- their progress, and a clinical note, sealed at rest (org.unknot.privacy).
CREATE TABLE session_note (
    appointment_id   uuid PRIMARY KEY REFERENCES appointment (id),
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    patient_id       uuid NOT NULL REFERENCES patient (id),
    pain_before      smallint CHECK (pain_before BETWEEN 0 AND 10),
    pain_after       smallint CHECK (pain_after BETWEEN 0 AND 10),
    note             text,
    written_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX session_note_patient ON session_note (patient_id, written_at);
