-- Stripe's delayed payment methods (a US bank account debit, for one) finish days after the hosted
-- page: the page completes with the payment pending, then the payment succeeds or fails. What was
-- heard last is kept with the page, for the patient to see ("payment pending", "did not go through").
-- A page whose payment failed is never offered again: paying again opens a new page, under a key of
-- its own.
ALTER TABLE online_checkout ADD COLUMN outcome text CHECK (outcome IN ('PENDING', 'PAID', 'FAILED'));
ALTER TABLE online_checkout ADD COLUMN outcome_at timestamptz;
ALTER TABLE online_checkout ADD COLUMN failure text;
ALTER TABLE online_checkout ADD CONSTRAINT online_checkout_outcome_when
    CHECK ((outcome IS NULL) = (outcome_at IS NULL) AND (failure IS NULL OR outcome = 'FAILED'));

CREATE INDEX online_checkout_item_visit ON online_checkout_item (appointment_id) WHERE appointment_id IS NOT NULL;

-- The patient is told by message when a payment fails after the page.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'SERIES_BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK',
                    'REGISTRATION', 'QUESTIONNAIRE_DUE', 'PROVIDER_REPORT', 'PAYMENT_FAILED'));
