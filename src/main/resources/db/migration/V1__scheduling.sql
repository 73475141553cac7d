-- Scheduling core: catalog, practitioners, patients, appointments and holds.
-- Every instant is timestamptz (UTC); every rule a person sets is local time plus an IANA zone.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE clinic (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    zone         text NOT NULL,
    street       text NOT NULL,
    city         text NOT NULL,
    state        char(2) NOT NULL,
    postal_code  text NOT NULL,
    phone        text NOT NULL,
    latitude     numeric(9, 6),
    longitude    numeric(9, 6)
);

CREATE TABLE room (
    id         text PRIMARY KEY,
    clinic_id  text NOT NULL REFERENCES clinic (id),
    name       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('MASSAGE_ROOM', 'PROCEDURE_ROOM', 'GYM', 'CONSULTING_ROOM')),
    UNIQUE (id, clinic_id, kind)
);

CREATE TABLE clinic_closure (
    id         bigserial PRIMARY KEY,
    clinic_id  text NOT NULL REFERENCES clinic (id),
    first_day  date NOT NULL,
    last_day   date NOT NULL,
    reason     text NOT NULL,
    CHECK (last_day >= first_day)
);

CREATE TABLE care_service (
    id                     text PRIMARY KEY,
    name                   text NOT NULL,
    category               text NOT NULL CHECK (category IN ('MASSAGE', 'CONSULTATION', 'PROCEDURE', 'PHYSICAL_THERAPY', 'COUNSELLING')),
    description            text NOT NULL,
    duration_minutes       int NOT NULL CHECK (duration_minutes > 0),
    buffer_before_minutes  int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes   int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
    room_kind              text CHECK (room_kind IN ('MASSAGE_ROOM', 'PROCEDURE_ROOM', 'GYM', 'CONSULTING_ROOM')),
    in_person              boolean NOT NULL,
    virtual                boolean NOT NULL,
    price_cents            int NOT NULL CHECK (price_cents >= 0),
    billing_codes          text[] NOT NULL DEFAULT '{}',
    prerequisite_category  text CHECK (prerequisite_category IN ('MASSAGE', 'CONSULTATION', 'PROCEDURE', 'PHYSICAL_THERAPY', 'COUNSELLING')),
    min_notice_minutes     int NOT NULL DEFAULT 120 CHECK (min_notice_minutes >= 0),
    max_advance_days       int NOT NULL DEFAULT 400 CHECK (max_advance_days > 0),
    slot_step_minutes      int NOT NULL DEFAULT 15 CHECK (slot_step_minutes > 0 AND 1440 % slot_step_minutes = 0),
    licence_types          text[] NOT NULL,
    CHECK (in_person OR virtual),
    CHECK (room_kind IS NULL OR in_person)
);

CREATE TABLE practitioner (
    id           text PRIMARY KEY,
    given_name   text NOT NULL,
    family_name  text NOT NULL,
    profession   text NOT NULL CHECK (profession IN ('LMT', 'PT', 'MD', 'DO', 'PSYCHOLOGIST')),
    credentials  text NOT NULL,
    npi          text,
    bio          text NOT NULL DEFAULT '',
    specialties  text[] NOT NULL DEFAULT '{}',
    languages    text[] NOT NULL DEFAULT '{}',
    active       boolean NOT NULL DEFAULT true
);

CREATE TABLE practitioner_licence (
    id               bigserial PRIMARY KEY,
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    type             text NOT NULL,
    number           text NOT NULL,
    state            char(2) NOT NULL,
    issued_on        date NOT NULL,
    expires_on       date NOT NULL,
    CHECK (expires_on >= issued_on),
    UNIQUE (type, state, number)
);

CREATE TABLE practitioner_service (
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    service_id       text NOT NULL REFERENCES care_service (id),
    PRIMARY KEY (practitioner_id, service_id)
);

-- clinic_id NULL means the hours are for video visits.
CREATE TABLE working_hours (
    id               bigserial PRIMARY KEY,
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    clinic_id        text REFERENCES clinic (id),
    weekday          smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time       time NOT NULL,
    end_time         time NOT NULL,
    zone             text NOT NULL,
    effective_from   date NOT NULL,
    effective_to     date,
    CHECK (end_time > start_time),
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX working_hours_practitioner ON working_hours (practitioner_id);

CREATE TABLE time_off (
    id               bigserial PRIMARY KEY,
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    reason           text NOT NULL DEFAULT '',
    CHECK (end_at > start_at)
);
CREATE INDEX time_off_practitioner ON time_off (practitioner_id, start_at);

-- Until accounts exist a patient is known by email (stored lower-case) and birth date.
CREATE TABLE patient (
    id           uuid PRIMARY KEY,
    email        text NOT NULL CHECK (email = lower(email)),
    birth_date   date NOT NULL,
    given_name   text NOT NULL,
    family_name  text NOT NULL,
    phone        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (email, birth_date)
);

CREATE TABLE appointment_series (
    id               uuid PRIMARY KEY,
    service_id       text NOT NULL REFERENCES care_service (id),
    practitioner_id  text NOT NULL REFERENCES practitioner (id),
    clinic_id        text REFERENCES clinic (id),
    patient_id       uuid NOT NULL REFERENCES patient (id),
    every_weeks      int NOT NULL CHECK (every_weeks IN (1, 2)),
    occurrences      int NOT NULL CHECK (occurrences BETWEEN 1 AND 52),
    first_start      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- A hold is an appointment in status 'pending' with an expiry (as IHE ITI-116 $hold answers).
-- blocked_from/blocked_to are start/end widened by the service's buffers, fixed at booking time.
CREATE TABLE appointment (
    id                   uuid PRIMARY KEY,
    status               text NOT NULL CHECK (status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow')),
    service_id           text NOT NULL REFERENCES care_service (id),
    practitioner_id      text NOT NULL REFERENCES practitioner (id),
    clinic_id            text REFERENCES clinic (id),
    room_id              text,
    room_kind            text,
    patient_id           uuid REFERENCES patient (id),
    series_id            uuid REFERENCES appointment_series (id),
    start_at             timestamptz NOT NULL,
    end_at               timestamptz NOT NULL,
    blocked_from         timestamptz NOT NULL,
    blocked_to           timestamptz NOT NULL,
    hold_expires_at      timestamptz,
    manage_token_hash    bytea,
    cancellation_reason  text,
    sequence             int NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (end_at > start_at),
    CHECK (blocked_from <= start_at AND blocked_to >= end_at),
    CHECK ((room_id IS NULL) = (room_kind IS NULL)),
    CHECK (room_id IS NULL OR clinic_id IS NOT NULL),
    CHECK ((status = 'pending') = (hold_expires_at IS NOT NULL)),
    CHECK (status = 'pending' OR patient_id IS NOT NULL),
    FOREIGN KEY (room_id, clinic_id, room_kind) REFERENCES room (id, clinic_id, kind),
    CONSTRAINT appointment_practitioner_overlap EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(blocked_from, blocked_to) WITH &&)
        WHERE (status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')),
    CONSTRAINT appointment_room_overlap EXCLUDE USING gist (
        room_id WITH =, tstzrange(blocked_from, blocked_to) WITH &&)
        WHERE (room_id IS NOT NULL AND status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')),
    CONSTRAINT appointment_patient_overlap EXCLUDE USING gist (
        patient_id WITH =, tstzrange(start_at, end_at) WITH &&)
        WHERE (patient_id IS NOT NULL AND status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled'))
);
CREATE INDEX appointment_clinic_time ON appointment (clinic_id, start_at);
CREATE INDEX appointment_patient ON appointment (patient_id);
CREATE INDEX appointment_by_series ON appointment (series_id);
CREATE INDEX appointment_hold_expiry ON appointment (hold_expires_at) WHERE status = 'pending';

-- An in-person visit of a service that needs a room kind must hold a room of that kind, so that the
-- room exclusion constraint caps simultaneous visits at the number of rooms, whatever code writes here.
CREATE FUNCTION appointment_needs_its_room() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    needed text;
BEGIN
    SELECT room_kind INTO needed FROM care_service WHERE id = NEW.service_id;
    IF needed IS NOT NULL AND NEW.clinic_id IS NOT NULL AND NEW.room_kind IS DISTINCT FROM needed THEN
        RAISE EXCEPTION 'appointment % at clinic % needs a room of kind %', NEW.id, NEW.clinic_id, needed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'appointment_needs_its_room';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER appointment_needs_its_room
    BEFORE INSERT OR UPDATE OF service_id, clinic_id, room_id, room_kind ON appointment
    FOR EACH ROW EXECUTE FUNCTION appointment_needs_its_room();

-- Idempotency-Key: the first answer to a creating POST, replayed for the same key and body.
CREATE TABLE idempotency_record (
    scope                  text NOT NULL,
    key                    text NOT NULL,
    request_hash           bytea NOT NULL,
    state                  text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status        int,
    response_content_type  text,
    response_location      text,
    response_body          bytea,
    created_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
