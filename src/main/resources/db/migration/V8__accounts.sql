-- Who may sign in, in which role, and what guards it: an Argon2id password hash, a TOTP secret
-- (sealed, see org.unknot.privacy), and the record of failed attempts that throttles guessing.
CREATE TABLE account (
    id                 uuid PRIMARY KEY,
    email              text NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name       text NOT NULL,
    role               text NOT NULL CHECK (role IN ('ADMIN', 'FRONT_DESK', 'PRACTITIONER', 'PATIENT')),
    clinic_ids         text[] NOT NULL DEFAULT '{}',
    practitioner_id    text REFERENCES practitioner (id),
    patient_id         uuid REFERENCES patient (id),
    password_hash      text,
    totp_secret        text,
    totp_confirmed     boolean NOT NULL DEFAULT false,
    totp_last_step     bigint NOT NULL DEFAULT 0,
    enabled            boolean NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'PRACTITIONER' OR practitioner_id IS NOT NULL),
    CHECK (role <> 'FRONT_DESK' OR cardinality(clinic_ids) > 0)
);

-- Failed sign-ins, kept for an hour's throttling. account_key is a hash of the email as typed, so
-- guesses at unknown addresses are throttled exactly like known ones; device is set when the
-- attempt carried a valid known-device cookie for that account.
CREATE TABLE sign_in_failure (
    id           bigserial PRIMARY KEY,
    account_key  text NOT NULL,
    address      text NOT NULL,
    device       text,
    at           timestamptz NOT NULL
);

CREATE INDEX sign_in_failure_account ON sign_in_failure (account_key, at);
CREATE INDEX sign_in_failure_address ON sign_in_failure (address, at);
