-- A freed time is one opening however often its cancellation is handled. With several nodes the
-- event registry can hand one cancellation to the waitlist twice (a node that starts resubmits
-- the publications still outstanding, among them one another node is handling at that moment),
-- and each would have opened the time again, offering it twice.
UPDATE waitlist_opening o
SET status = 'exhausted'
WHERE o.status = 'open'
  AND EXISTS (SELECT 1 FROM waitlist_opening e
              WHERE e.status = 'open' AND e.practitioner_id = o.practitioner_id AND e.start_at = o.start_at
                AND e.service_id = o.service_id AND e.location = o.location
                AND (e.created_at, e.id) < (o.created_at, o.id));

CREATE UNIQUE INDEX waitlist_opening_one_open
    ON waitlist_opening (practitioner_id, start_at, service_id, location) WHERE status = 'open';
