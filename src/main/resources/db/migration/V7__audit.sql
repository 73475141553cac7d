-- Who read or changed which patient's health information, when, from where, with what outcome.
-- Entries are hash-chained (each hash covers the entry and the previous hash) and append-only:
-- the triggers below refuse UPDATE, DELETE and TRUNCATE for every role that does not first drop
-- them, and a deployment runs the application as a role that does not own this table (see README).
CREATE TABLE audit_entry (
    id              bigint PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text NOT NULL,
    actor_role      text NOT NULL,
    patient_id      uuid,
    action          text NOT NULL,
    subject         text NOT NULL,
    reason          text,
    source_address  text,
    outcome         text NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILURE')),
    previous_hash   bytea NOT NULL,
    hash            bytea NOT NULL UNIQUE
);

CREATE INDEX audit_entry_patient ON audit_entry (patient_id, at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
