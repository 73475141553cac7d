-- A message's Message-ID is derived from its key (subject, kind, occurrence, channel), which is unique
-- already (OutboxMessages.messageId), and no statement looks a message up by it. Its own unique index
-- only made every planned message and every change of its status write one more index entry.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_message_id_key;
