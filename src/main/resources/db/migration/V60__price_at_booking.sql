-- The price of each visit as the catalog had it when the visit was booked (issue 15): what the visit
-- owes at checkout, and the fee a superbill lists, whatever the catalog says later. Written once.
CREATE TABLE visit_price (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id),
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    recorded_at     timestamptz NOT NULL
);

-- Visits booked before prices were kept: today's catalog price is the best record there is.
INSERT INTO visit_price (appointment_id, amount_minor, currency, recorded_at)
SELECT a.id, s.price_cents, 'USD', now()
  FROM appointment a JOIN care_service s ON s.id = a.service_id
 WHERE a.status <> 'pending';

CREATE FUNCTION visit_price_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'visit_price rows are written once: the price at booking does not change';
END $$;

CREATE TRIGGER visit_price_written_once BEFORE UPDATE ON visit_price
    FOR EACH ROW EXECUTE FUNCTION visit_price_written_once();
