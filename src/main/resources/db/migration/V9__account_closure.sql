-- A patient's request to close their account, for the practice to act on (records of care are kept
-- as the law requires; the account stops signing in once closed).
ALTER TABLE account ADD COLUMN closure_requested_at timestamptz;
