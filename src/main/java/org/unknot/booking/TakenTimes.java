package org.unknot.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.unknot.availability.Occupancy;

/**
 * What is taken, for the availability engine: one statement brings back the live visits
 * and holds that matter, the {@code reference_version} and PostgreSQL's snapshot of that
 * statement.
 *
 * <p>
 * Answers read outside a transaction are remembered with that snapshot. The next
 * identical question first asks PostgreSQL only for its current snapshot: if it is the
 * same ({@code xmin:xmax:xip} unchanged), no transaction has ended since, so nothing
 * anywhere in the database can read differently, and the remembered answer is exactly
 * what the query would return. Any commit (a booking, a cancellation, a change by hand)
 * changes the snapshot, and the question is asked again. Holds are remembered with their
 * expiry and filtered against the clock on every use, so the passing of time needs no new
 * read. Inside a transaction nothing is remembered or reused: a transaction sees its own
 * uncommitted writes, which another connection's identical snapshot would not.
 */
@Component
class TakenTimes implements Occupancy {

	/** Rows kept from the answers of one snapshot, at most (some 40 bytes each). */
	static final int REMEMBERED_ROWS = 100_000;

	private static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	// whole epoch seconds, as the engine counts: cheaper to write and read than
	// timestamptz text, and
	// date_part (double precision) is cheaper than extract (numeric), which only holds'
	// expiry needs,
	// to the microsecond. The reference row comes back even when nothing is taken (one
	// row with no
	// block). Expired holds come back too, marked by their expiry, so that the answer
	// does not depend
	// on the moment it was read.
	private static final String TAKEN = """
			SELECT r.version, r.snapshot, b.practitioner_id, b.room_id, b.blocked_from, b.blocked_to,
			    b.hold_expires_micros, b.excluded
			FROM (SELECT version, pg_current_snapshot()::text AS snapshot FROM reference_version) r
			LEFT JOIN LATERAL (
			    SELECT practitioner_id, room_id, floor(date_part('epoch', blocked_from))::bigint AS blocked_from,
			        ceil(date_part('epoch', blocked_to))::bigint AS blocked_to,
			        (extract(epoch FROM hold_expires_at) * 1000000)::bigint AS hold_expires_micros,
			        id = ? AS excluded
			    FROM appointment
			    WHERE status IN""" + LIVE + """
			AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?)
			AND (practitioner_id = ANY(?) OR room_id = ANY(?))) b ON true""";

	/**
	 * Counts the questions, tagged by how they were answered: {@code read} or
	 * {@code remembered}.
	 */
	static final String ANSWERS = "unknot.taken.answers";

	private final JdbcClient jdbc;

	private final Counter read;

	private final Counter fromMemory;

	private volatile Remembered remembered = new Remembered("");

	TakenTimes(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.read = meters.counter(ANSWERS, "answered", "read");
		this.fromMemory = meters.counter(ANSWERS, "answered", "remembered");
	}

	@Override
	public Taken busy(Collection<String> practitionerIds, Collection<String> roomIds, Instant from, Instant to,
			Instant now, UUID excluding) {
		Question question = new Question(List.copyOf(practitionerIds), List.copyOf(roomIds), from, to, excluding);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return read(question).at(now);
		}
		Remembered current = remembered;
		Answer answer = current.answers.get(question);
		if (answer == null || !current.snapshot.equals(snapshotNow())) {
			answer = read(question);
			remember(question, answer);
		}
		else {
			fromMemory.increment();
		}
		return answer.at(now);
	}

	/**
	 * PostgreSQL's snapshot for a statement starting now: it changes whenever any
	 * transaction ends.
	 */
	private String snapshotNow() {
		return jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
	}

	private Answer read(Question question) {
		read.increment();
		long[] version = { -1 };
		String[] snapshot = { null };
		List<Row> rows = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		jdbc.sql(TAKEN)
			.params(question.excluding(), utc(question.from()), utc(question.to()),
					question.practitionerIds().toArray(String[]::new), question.roomIds().toArray(String[]::new))
			.query(rs -> {
				version[0] = rs.getLong(1);
				snapshot[0] = rs.getString(2);
				String practitioner = rs.getString(3);
				if (practitioner != null) {
					String room = rs.getString(4);
					long from = rs.getLong(5);
					long to = rs.getLong(6);
					long holdExpires = rs.getLong(7);
					boolean hold = !rs.wasNull();
					rows.add(new Row(names.computeIfAbsent(practitioner, k -> k),
							room == null ? null : names.computeIfAbsent(room, k -> k), from, to,
							hold ? holdExpires : Long.MAX_VALUE, rs.getBoolean(8)));
				}
			});
		return new Answer(version[0], snapshot[0], List.copyOf(rows));
	}

	/**
	 * Answers of one snapshot only: a newer snapshot makes every older answer useless.
	 */
	private synchronized void remember(Question question, Answer answer) {
		Remembered current = remembered;
		if (!current.snapshot.equals(answer.snapshot())) {
			current = new Remembered(answer.snapshot());
			remembered = current;
		}
		if (current.rows.addAndGet(answer.rows().size()) <= REMEMBERED_ROWS) {
			current.answers.put(question, answer);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Question(List<String> practitionerIds, List<String> roomIds, Instant from, Instant to,
			UUID excluding) {
	}

	/** The answers read with one snapshot. */
	private static final class Remembered {

		final String snapshot;

		final Map<Question, Answer> answers = new ConcurrentHashMap<>();

		final AtomicInteger rows = new AtomicInteger();

		Remembered(String snapshot) {
			this.snapshot = snapshot;
		}

	}

	/**
	 * A visit or hold as read, in epoch seconds; {@code holdExpiresMicros} is
	 * {@link Long#MAX_VALUE} for visits.
	 */
	private record Row(String practitionerId, String roomId, long from, long to, long holdExpiresMicros,
			boolean excluded) {

		boolean expiredHold(long nowMicros) {
			return holdExpiresMicros <= nowMicros;
		}

		BusyBlock block() {
			return new BusyBlock(practitionerId, roomId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
		}
	}

	private record Answer(long referenceVersion, String snapshot, List<Row> rows) {

		Taken at(Instant now) {
			// rounded to microseconds as PostgreSQL rounds the instants it stores
			long nowMicros = now.getEpochSecond() * 1_000_000 + (now.getNano() + 500) / 1000;
			List<BusyBlock> blocks = new ArrayList<>(rows.size());
			boolean expiredHolds = false;
			for (Row row : rows) {
				if (row.expiredHold(nowMicros)) {
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
