-- Which client (its address, as the trusted proxies report it) asked for each live hold, so that one
-- client cannot hold a whole calendar (unknot.booking.holds-per-client). Kept only while the hold
-- could still be live: a row goes with its hold, or at its expiry by the sweep.
CREATE TABLE hold_client (
    appointment_id  uuid PRIMARY KEY REFERENCES appointment (id) ON DELETE CASCADE,
    client          text NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX hold_client_by_client ON hold_client (client, expires_at);
