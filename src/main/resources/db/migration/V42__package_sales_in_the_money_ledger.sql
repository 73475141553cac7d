-- A package sold is money owed and, once paid, money received: it belongs in the same ledger as
-- visits and fees, so the patient's statement and receipts include it. Its rows name no visit.
ALTER TABLE payment_entry DROP CONSTRAINT payment_entry_purpose_check;
ALTER TABLE payment_entry ADD CONSTRAINT payment_entry_purpose_check
    CHECK (purpose IN ('VISIT', 'LATE_CANCELLATION_FEE', 'NO_SHOW_FEE', 'PACKAGE'));
