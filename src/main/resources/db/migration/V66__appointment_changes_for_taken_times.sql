-- Which transactions changed the appointments, so that answers about what is taken can be kept in
-- memory across commits that touched nothing else (sessions, audit, outbox sends, payments...).
-- Every statement that writes `appointment` notes its transaction id here; a reader holding answers
-- read under snapshot S asks whether any noted transaction is visible now but was not in S. The rows
-- are kept only a little while (see `appointment_change_horizon`).
CREATE TABLE appointment_change (
    xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX appointment_change_by_xid ON appointment_change (xid);

-- Notes below this transaction id have been deleted: a snapshot whose xmin is older cannot be
-- answered from the notes, and its answers are read again.
CREATE TABLE appointment_change_horizon (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    horizon xid8 NOT NULL
);
INSERT INTO appointment_change_horizon (horizon) VALUES (pg_current_xact_id());

CREATE FUNCTION note_appointment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO appointment_change DEFAULT VALUES;
    RETURN NULL;
END $$;

-- per statement, not per row: a booking writes one note, a sweep of a thousand expired holds one too
CREATE TRIGGER appointment_notes_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appointment
    FOR EACH STATEMENT EXECUTE FUNCTION note_appointment_change();
