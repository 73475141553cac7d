-- What a superbill needs that was not kept yet: the practitioner's NUCC taxonomy code (ten
-- characters, the last an X), the clinic's employer identification number (NN-NNNNNNN), the
-- minutes a practitioner actually treated (the 8-minute rule counts these, not the booked
-- length) and, for a video visit, whether the patient joined from home (place of service 10)
-- or from elsewhere (02). The checks repeat the rules of the forms, so no other writer can
-- store a value a claim would be refused for.
ALTER TABLE practitioner ADD COLUMN taxonomy_code text CHECK (taxonomy_code ~ '^[0-9]{3}[0-9A-Z]{6}X$');

ALTER TABLE clinic ADD COLUMN tax_id text CHECK (tax_id ~ '^[0-9]{2}-[0-9]{7}$');

ALTER TABLE session_note ADD COLUMN minutes_treated smallint CHECK (minutes_treated BETWEEN 1 AND 480);

CREATE TABLE video_visit_place (
    appointment_id   uuid PRIMARY KEY REFERENCES appointment (id),
    patient_at_home  boolean NOT NULL,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL
);
