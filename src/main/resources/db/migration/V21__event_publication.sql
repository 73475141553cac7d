-- Spring Modulith's event publication registry (schema v2 for PostgreSQL, as shipped in
-- spring-modulith-events-jdbc 2.1.0: org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql).
-- A module event handled by an @ApplicationModuleListener is written here in the publishing transaction
-- and deleted when its listener succeeds (completion-mode delete), so what is left here is outstanding work,
-- published again on restart.
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

