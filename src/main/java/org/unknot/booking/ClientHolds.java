package org.unknot.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds asked for by clients of the public API, counted per client so that nobody can
 * hold a whole calendar: at most {@code unknot.booking.holds-per-client} live holds each.
 * The count is in PostgreSQL, so it holds across nodes; a per-client advisory lock makes
 * concurrent requests of one client count one after the other.
 */
@Service
public class ClientHolds {

	private final BookingDesk desk;

	private final JdbcClient jdbc;

	private final BookingProperties properties;

	private final Clock clock;

	ClientHolds(BookingDesk desk, JdbcClient jdbc, BookingProperties properties, Clock clock) {
		this.desk = desk;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Holds the slot for {@code client} (its address), or refuses with
	 * {@link TooManyHolds} when it already holds its share.
	 */
	@Transactional
	public Appointment hold(SlotRequest request, String client) {
		Instant now = clock.instant();
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('hold_client:' || ?, 0))")
			.param(client)
			.query()
			.listOfRows();
		Live live = jdbc.sql("""
				SELECT count(*) AS holds, min(h.expires_at) AS first_expiry
				FROM hold_client h JOIN appointment a ON a.id = h.appointment_id AND a.status = 'pending'
				WHERE h.client = ? AND h.expires_at > ?""")
			.params(client, utc(now))
			.query((rs, row) -> new Live(rs.getInt("holds"), rs.getObject("first_expiry", OffsetDateTime.class)))
			.single();
		if (live.holds() >= properties.holdsPerClient()) {
			throw new TooManyHolds(properties.holdsPerClient(),
					Duration.between(now, live.firstExpiry().toInstant()).plusSeconds(1));
		}
		Appointment hold = desk.hold(request);
		jdbc.sql("INSERT INTO hold_client (appointment_id, client, expires_at) VALUES (?, ?, ?)")
			.params(hold.id(), client, utc(hold.holdExpiresAt()))
			.update();
		return hold;
	}

	/**
	 * No client address is kept once its hold has run out (or was booked and ran out).
	 */
	@Scheduled(fixedDelayString = "${unknot.booking.hold-sweep-interval:PT1M}")
	@Transactional
	public void sweepExpired() {
		jdbc.sql("DELETE FROM hold_client WHERE expires_at <= ?").param(utc(clock.instant())).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Live(int holds, OffsetDateTime firstExpiry) {
	}

}
