-- Paying for care (issue 15). Money is integer minor units with its currency, never floating point.

-- What each service asks to be paid and when, and what late cancellations and no-shows cost.
CREATE TABLE payment_policy (
    service_id              text PRIMARY KEY REFERENCES care_service (id),
    due                     text NOT NULL CHECK (due IN ('AT_BOOKING', 'DEPOSIT', 'AT_VISIT')),
    deposit_minor           bigint CHECK (deposit_minor > 0),
    deposit_percent         int CHECK (deposit_percent BETWEEN 1 AND 100),
    currency                char(3) NOT NULL,
    late_window_minutes     int NOT NULL CHECK (late_window_minutes >= 0),
    late_fee_minor          bigint NOT NULL CHECK (late_fee_minor >= 0),
    no_show_fee_minor       bigint NOT NULL CHECK (no_show_fee_minor >= 0),
    updated_at              timestamptz NOT NULL,
    CHECK ((due = 'DEPOSIT') = (deposit_minor IS NOT NULL OR deposit_percent IS NOT NULL)),
    CHECK (deposit_minor IS NULL OR deposit_percent IS NULL)
);

-- The money ledger: every charge (what is owed), payment, refund and waiver is one row, written
-- once. A balance is the sum of rows, never a stored counter. The key says what the row is for
-- ("fee:no-show:<visit>"), so a retried listener or a provider answering twice writes nothing more.
-- No foreign key to the patient: an erased patient's payments must stay for the books.
CREATE TABLE payment_entry (
    id                  uuid PRIMARY KEY,
    entry_key           text NOT NULL UNIQUE,
    kind                text NOT NULL CHECK (kind IN ('CHARGE', 'PAYMENT', 'REFUND', 'WAIVER')),
    purpose             text NOT NULL CHECK (purpose IN ('VISIT', 'LATE_CANCELLATION_FEE', 'NO_SHOW_FEE')),
    patient_id          uuid NOT NULL,
    appointment_id      uuid,
    amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
    currency            char(3) NOT NULL,
    method              text,
    provider_reference  text,
    reason              text,
    recorded_by         text NOT NULL,
    at                  timestamptz NOT NULL,
    receipt_number      bigint UNIQUE,
    CHECK ((kind IN ('PAYMENT', 'REFUND')) = (method IS NOT NULL AND receipt_number IS NOT NULL)),
    CHECK (kind <> 'WAIVER' OR reason IS NOT NULL)
);

CREATE INDEX payment_entry_patient ON payment_entry (patient_id, at);
CREATE INDEX payment_entry_appointment ON payment_entry (appointment_id);
CREATE SEQUENCE payment_receipt_number START 1001;

CREATE FUNCTION payment_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment entries are written once and kept (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER payment_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON payment_entry
    FOR EACH ROW EXECUTE FUNCTION payment_entry_append_only();
CREATE TRIGGER payment_entry_no_truncate BEFORE TRUNCATE ON payment_entry
    FOR EACH STATEMENT EXECUTE FUNCTION payment_entry_append_only();

-- A charge (a fee to the card on file) or a refund asked of the provider: the front desk follows
-- up the failed ones; a retry reuses the key, which is also the provider's idempotency key. Not money itself: the ledger gets a PAYMENT row only when the provider took it.
CREATE TABLE payment_attempt (
    attempt_key         text PRIMARY KEY,
    action              text NOT NULL CHECK (action IN ('CHARGE', 'REFUND')),
    refund_of           text,
    patient_id          uuid NOT NULL,
    appointment_id      uuid,
    purpose             text NOT NULL,
    amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
    currency            char(3) NOT NULL,
    status              text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'SETTLED')),
    failure             text,
    provider_reference  text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

CREATE INDEX payment_attempt_failed ON payment_attempt (status) WHERE status = 'FAILED';

-- The provider's customer and the card kept on file, with the words the patient agreed to for
-- charging it later without them (off-session).
CREATE TABLE payment_card (
    patient_id          uuid PRIMARY KEY,
    provider            text NOT NULL,
    customer_reference  text NOT NULL,
    method_reference    text,
    described_as        text,
    consent_words       text,
    consented_at        timestamptz,
    updated_at          timestamptz NOT NULL
);

-- The policy as the patient saw it when they ticked "I agree", per visit.
CREATE TABLE policy_agreement (
    appointment_id      uuid PRIMARY KEY,
    patient_id          uuid NOT NULL,
    service_id          text NOT NULL,
    words               text NOT NULL,
    agreed_by           text NOT NULL,
    agreed_at           timestamptz NOT NULL
);

-- Provider webhooks already handled, so a replayed event changes nothing.
CREATE TABLE payment_webhook_event (
    event_id            text PRIMARY KEY,
    type                text NOT NULL,
    received_at         timestamptz NOT NULL
);
