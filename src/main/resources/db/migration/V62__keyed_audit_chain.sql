-- The audit chain becomes keyed and leaves the booking's critical path.
--
-- Before: each entry carried SHA-256(previous hash, entry), computed under one advisory lock held
-- until commit, so every audited transaction queued behind the one before, and anyone holding the
-- database could rewrite an entry and re-hash everything after it.
--
-- Now: an entry is inserted with an id from a sequence and a row in audit_unchained, in the
-- business transaction and without any shared lock. One chainer at a time (AuditChainer) then seals
-- waiting entries, in id order, into audit_link: position, the previous link's MAC, and an
-- HMAC-SHA256 under a key kept outside the database (unknot.audit.key, or generated into the data
-- directory of an embedded database). Both tables are append-only like audit_entry; the pending
-- queue is the only table here whose rows are removed, by the chainer, in the transaction that
-- seals them.
--
-- Entries written before this version keep their unkeyed hashes (previous_hash, hash), which
-- verify-audit still checks, and are queued here so that the chainer seals them with the key at the
-- first start: from then on rewriting one of them means forging the key, not just re-hashing.
-- Stop every node for this upgrade: an older node would still number entries itself.

ALTER TABLE audit_entry ALTER COLUMN previous_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

CREATE SEQUENCE audit_entry_id AS bigint OWNED BY audit_entry.id;
SELECT setval('audit_entry_id', coalesce(max(id), 0) + 1, false) FROM audit_entry;
ALTER TABLE audit_entry ALTER COLUMN id SET DEFAULT nextval('audit_entry_id');

CREATE TABLE audit_unchained (
    entry_id bigint PRIMARY KEY REFERENCES audit_entry (id)
);

INSERT INTO audit_unchained (entry_id) SELECT id FROM audit_entry;

CREATE TABLE audit_link (
    position      bigint PRIMARY KEY CHECK (position > 0),
    entry_id      bigint NOT NULL UNIQUE REFERENCES audit_entry (id),
    -- a fingerprint of the key that sealed it, never the key
    key_id        text NOT NULL,
    previous_mac  bytea NOT NULL,
    mac           bytea NOT NULL
);

CREATE TRIGGER audit_link_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_link
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_link_no_truncate BEFORE TRUNCATE ON audit_link
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
