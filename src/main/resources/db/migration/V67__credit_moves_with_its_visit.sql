-- A visit moved past the end of the package that paid for it takes its credit from another of the
-- patient's packages that covers the new time: the first package gets its credit back and the other
-- spends one, both rows for the same visit. So a visit may now spend from several holdings over its
-- life, but from each at most once and with each given back at most once, and never holds two
-- credits at a time: a spend is refused while the visit's last spend has not been given back.
DROP INDEX credit_spent_once;
DROP INDEX credit_returned_once;

CREATE UNIQUE INDEX credit_spent_once ON credit_movement (appointment_id, holding_id) WHERE kind = 'SPENT';
CREATE UNIQUE INDEX credit_returned_once ON credit_movement (appointment_id, holding_id) WHERE kind = 'RETURNED';

CREATE FUNCTION credit_movement_one_credit_per_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'SPENT' AND EXISTS (
        SELECT 1 FROM credit_movement s
         WHERE s.appointment_id = NEW.appointment_id AND s.kind = 'SPENT'
           AND NOT EXISTS (SELECT 1 FROM credit_movement r
                            WHERE r.appointment_id = s.appointment_id AND r.holding_id = s.holding_id
                              AND r.kind = 'RETURNED')) THEN
        RAISE EXCEPTION 'visit % already holds a credit', NEW.appointment_id USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.kind = 'RETURNED' AND NOT EXISTS (
        SELECT 1 FROM credit_movement s
         WHERE s.appointment_id = NEW.appointment_id AND s.holding_id = NEW.holding_id AND s.kind = 'SPENT') THEN
        RAISE EXCEPTION 'visit % spent no credit of holding %', NEW.appointment_id, NEW.holding_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER credit_movement_one_credit_per_visit BEFORE INSERT ON credit_movement
    FOR EACH ROW EXECUTE FUNCTION credit_movement_one_credit_per_visit();
