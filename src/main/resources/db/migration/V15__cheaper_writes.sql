-- Indexes that every booking paid for and nothing needed, and one the outbox dispatcher lacked.

-- The unique key (subject_id, kind, occurrence, channel) already serves every look-up by subject;
-- each planned message (three per booking) was also written into this copy of its first column.
DROP INDEX outbox_message_subject;

-- A dispatcher looks for rows whose lease ran out; with only the due-date index it read every pending
-- reminder (two per booking, so tens of thousands after a busy week) on each pass.
CREATE INDEX outbox_message_lease ON outbox_message (lease_until) WHERE status = 'sending';

-- Most visits belong to no series: keep them out of the series index.
DROP INDEX appointment_by_series;
CREATE INDEX appointment_by_series ON appointment (series_id) WHERE series_id IS NOT NULL;
