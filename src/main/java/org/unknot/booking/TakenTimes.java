package org.unknot.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.availability.Occupancy;

/**
 * What is taken, for the availability engine: one statement brings back the live visits and holds that
 * matter and the {@code reference_version}. Holds come back with their expiry and are filtered
 * against the clock here, so that an expired hold not yet swept away can be reported as such.
 */
@Component
class TakenTimes implements Occupancy {

	private static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	// whole epoch seconds, as the engine counts: cheaper to write and read than timestamptz text, and
	// date_part (double precision) is cheaper than extract (numeric). The reference row comes back even
	// when nothing is taken (one row with no block). Expired holds come back too, marked by their
	// expiry.
	private static final String TAKEN = """
			SELECT r.version, b.practitioner_id, b.room_id, b.blocked_from, b.blocked_to,
			    b.hold_expires_micros, b.excluded
			FROM reference_version r
			LEFT JOIN LATERAL (
			    SELECT practitioner_id, room_id, floor(date_part('epoch', blocked_from))::bigint AS blocked_from,
			        ceil(date_part('epoch', blocked_to))::bigint AS blocked_to,
			        (date_part('epoch', hold_expires_at) * 1000000)::bigint AS hold_expires_micros,
			        id = ? AS excluded
			    FROM appointment
			    WHERE status IN""" + LIVE + """
			      AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?)
			      AND (practitioner_id = ANY(?) OR room_id = ANY(?))) b ON true""";

	private final JdbcClient jdbc;

	TakenTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Taken busy(Collection<String> practitionerIds, Collection<String> roomIds, Instant from, Instant to,
			Instant now, UUID excluding) {
		return read(new Question(List.copyOf(practitionerIds), List.copyOf(roomIds), from, to, excluding)).at(now);
	}

	private Answer read(Question question) {
		long[] version = { -1 };
		List<Row> rows = new ArrayList<>();
		jdbc.sql(TAKEN)
			.params(question.excluding(), utc(question.from()), utc(question.to()),
					question.practitionerIds().toArray(String[]::new), question.roomIds().toArray(String[]::new))
			.query(rs -> {
				version[0] = rs.getLong(1);
				String practitioner = rs.getString(2);
				if (practitioner != null) {
					var block = new BusyBlock(practitioner, rs.getString(3), Instant.ofEpochSecond(rs.getLong(4)),
							Instant.ofEpochSecond(rs.getLong(5)));
					long holdExpires = rs.getLong(6);
					Instant expires = rs.wasNull() ? null : micros(holdExpires);
					rows.add(new Row(block, expires, rs.getBoolean(7)));
				}
			});
		return new Answer(version[0], List.copyOf(rows));
	}

	private static Instant micros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Question(List<String> practitionerIds, List<String> roomIds, Instant from, Instant to,
			UUID excluding) {
	}

	/** A visit or hold as read; {@code holdExpires} is null for visits. */
	private record Row(BusyBlock block, Instant holdExpires, boolean excluded) {

		boolean expiredHold(Instant now) {
			return holdExpires != null && !holdExpires.isAfter(now);
		}
	}

	private record Answer(long referenceVersion, List<Row> rows) {

		Taken at(Instant now) {
			List<BusyBlock> blocks = new ArrayList<>(rows.size());
			boolean expiredHolds = false;
			for (Row row : rows) {
				if (row.expiredHold(now)) {
					expiredHolds = true;
				}
				else if (!row.excluded()) {
					blocks.add(row.block());
				}
			}
			return new Taken(referenceVersion, blocks, expiredHolds);
		}
	}
}
