-- Paying online on the provider's hosted page (issue 15): a deposit or price at booking, a visit's
-- amount owed later ("Pay now"), or a package. The page is opened under a key derived from what it
-- pays for, so asking twice opens the same page; its items say where each part of the money goes
-- when the provider's webhook says the page was paid (one ledger row per item, written once).
CREATE TABLE online_checkout (
    checkout_key  text PRIMARY KEY,
    patient_id    uuid NOT NULL,
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    currency      char(3) NOT NULL,
    opened_at     timestamptz NOT NULL
);

CREATE TABLE online_checkout_item (
    checkout_key    text NOT NULL REFERENCES online_checkout (checkout_key),
    item            int NOT NULL CHECK (item >= 1),
    purpose         text NOT NULL CHECK (purpose IN ('VISIT', 'LATE_CANCELLATION_FEE', 'NO_SHOW_FEE', 'PACKAGE')),
    appointment_id  uuid,
    holding_id      uuid,
    amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (checkout_key, item),
    CHECK ((appointment_id IS NULL) <> (holding_id IS NULL))
);

-- A package bought online is paid on the provider's page: its credits come with the payment.
ALTER TABLE package_holding DROP CONSTRAINT package_holding_paid_how_check;
ALTER TABLE package_holding ADD CONSTRAINT package_holding_paid_how_check
    CHECK (paid_how IN ('CASH', 'CARD_TERMINAL', 'CHEQUE', 'EXTERNAL', 'ONLINE'));
