-- A message inviting a patient to answer a questionnaire before a visit.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
    CHECK (kind IN ('BOOKED', 'SERIES_BOOKED', 'RESCHEDULED', 'CANCELLED', 'REMINDER', 'WAITLIST_OFFER', 'SIGN_IN_LINK',
                    'REGISTRATION', 'QUESTIONNAIRE_DUE'));
