-- Packages an admin defines ("6 x 60-minute massage"): a price, the services its credits pay for,
-- how many credits and for how long they stay valid after the sale.
CREATE TABLE care_package (
    id           text PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    price_minor  bigint NOT NULL CHECK (price_minor >= 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    credits      int NOT NULL CHECK (credits BETWEEN 1 AND 100),
    valid_days   int NOT NULL CHECK (valid_days BETWEEN 1 AND 1830),
    on_sale      boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE care_package_service (
    package_id  text NOT NULL REFERENCES care_package (id),
    service_id  text NOT NULL REFERENCES care_service (id),
    PRIMARY KEY (package_id, service_id)
);

-- One package sold to one patient: what it cost then, how it was paid (null while owed: bought
-- online to pay at the clinic), and until when its credits can be spent. A sale is never deleted.
CREATE TABLE package_holding (
    id           uuid PRIMARY KEY,
    package_id   text NOT NULL REFERENCES care_package (id),
    patient_id   uuid NOT NULL REFERENCES patient (id),
    price_minor  bigint NOT NULL CHECK (price_minor >= 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    sold_where   text NOT NULL CHECK (sold_where IN ('DESK', 'ONLINE')),
    paid_how     text CHECK (paid_how IN ('CASH', 'CARD_TERMINAL', 'CHEQUE', 'EXTERNAL')),
    paid_at      timestamptz,
    sold_at      timestamptz NOT NULL,
    valid_until  timestamptz NOT NULL CHECK (valid_until > sold_at),
    CHECK ((paid_how IS NULL) = (paid_at IS NULL))
);

CREATE INDEX package_holding_patient ON package_holding (patient_id, valid_until);

-- The credit ledger: every movement of a holding's credits is a row, numbered 1, 2, 3... within the
-- holding, and carries the balance after it. The balance is the last row's, and the database keeps
-- it honest: the trigger below refuses a row whose balance is not the previous row's plus its own
-- credits (or whose previous row is missing or not yet committed), the primary key refuses two rows
-- with the same number (so two transactions that both read the last credit cannot both write the
-- next row: the second waits for the first and then fails), and the CHECK refuses a balance below
-- zero. Rows are never changed or deleted.
CREATE TABLE credit_movement (
    holding_id      uuid NOT NULL REFERENCES package_holding (id),
    seq             int NOT NULL CHECK (seq >= 1),
    kind            text NOT NULL CHECK (kind IN ('BOUGHT', 'SPENT', 'RETURNED', 'EXPIRED')),
    credits         int NOT NULL,
    balance_after   int NOT NULL CHECK (balance_after >= 0),
    appointment_id  uuid REFERENCES appointment (id),
    at              timestamptz NOT NULL,
    PRIMARY KEY (holding_id, seq),
    CHECK (CASE kind WHEN 'BOUGHT' THEN credits > 0 AND seq = 1 AND appointment_id IS NULL
                     WHEN 'SPENT' THEN credits < 0 AND appointment_id IS NOT NULL
                     WHEN 'RETURNED' THEN credits > 0 AND appointment_id IS NOT NULL
                     ELSE credits < 0 AND appointment_id IS NULL END)
);

-- A visit spends from one holding once, and gets it back at most once.
CREATE UNIQUE INDEX credit_spent_once ON credit_movement (appointment_id) WHERE kind = 'SPENT';
CREATE UNIQUE INDEX credit_returned_once ON credit_movement (appointment_id) WHERE kind = 'RETURNED';

CREATE FUNCTION credit_movement_follows_the_last() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous int;
BEGIN
    IF NEW.seq = 1 THEN
        IF NEW.kind <> 'BOUGHT' OR NEW.balance_after <> NEW.credits THEN
            RAISE EXCEPTION 'a holding starts with its purchase' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    SELECT balance_after INTO previous FROM credit_movement WHERE holding_id = NEW.holding_id AND seq = NEW.seq - 1;
    IF NOT FOUND OR previous + NEW.credits <> NEW.balance_after THEN
        RAISE EXCEPTION 'credit movement % of holding % does not follow the last one', NEW.seq, NEW.holding_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER credit_movement_chain BEFORE INSERT ON credit_movement
    FOR EACH ROW EXECUTE FUNCTION credit_movement_follows_the_last();

CREATE FUNCTION credit_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit movements are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER credit_movement_no_update_or_delete BEFORE UPDATE OR DELETE ON credit_movement
    FOR EACH ROW EXECUTE FUNCTION credit_movement_append_only();
CREATE TRIGGER credit_movement_no_truncate BEFORE TRUNCATE ON credit_movement
    FOR EACH STATEMENT EXECUTE FUNCTION credit_movement_append_only();
