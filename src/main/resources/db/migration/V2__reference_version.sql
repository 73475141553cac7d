-- A counter that moves whenever anything availability depends on (other than bookings) changes, so
-- every Unknot instance can keep that data in memory and notice a change with one tiny read.
CREATE TABLE reference_version (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    version  bigint NOT NULL
);
INSERT INTO reference_version (version) VALUES (1);

CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_version SET version = version + 1;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['clinic', 'room', 'clinic_closure', 'care_service', 'practitioner',
                             'practitioner_licence', 'practitioner_service', 'working_hours', 'time_off']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version()',
                       t || '_bumps_reference_version', t);
    END LOOP;
END $$;
