package org.unknot.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.scheduling.annotation.Scheduled;
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
 * identical question first asks PostgreSQL, in one tiny statement, whether a transaction
 * that wrote {@code appointment} has become visible since: every statement writing the
 * table notes its transaction id in {@code appointment_change} (a trigger, so a change by
 * hand, by another instance or by a sweep counts too), and a note visible now but not in
 * the remembered snapshot means the answers may read differently. If there is none and
 * the reference version is the same, every remembered answer is still exactly what the
 * query would return, however many other transactions (sessions, audit, outbox sends,
 * payments) have committed meanwhile, and the remembered snapshot moves on to the current
 * one. Otherwise the question is read again. Holds are remembered with their expiry and
 * filtered against the clock on every use, so the passing of time needs no new read.
 * Inside a transaction nothing is remembered or reused: a transaction sees its own
 * uncommitted writes, which another connection's snapshot would not.
 */
@Component
class TakenTimes implements Occupancy {

	/** Rows kept from the answers of one snapshot, at most (some 40 bytes each). */
	static final int REMEMBERED_ROWS = 100_000;

	private static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	/**
	 * Whether the appointments may read differently now than under the snapshot given as
	 * parameter (null: none, so yes): a transaction that wrote them is visible now but
	 * was not then, or the notes that would tell have been cleared since.
	 */
	private static final String CHANGED_SINCE = """
			(SELECT s.since IS NULL OR h.horizon > pg_snapshot_xmin(s.since) OR EXISTS (
			    SELECT 1 FROM appointment_change c
			    WHERE c.xid >= pg_snapshot_xmin(s.since) AND NOT pg_visible_in_snapshot(c.xid, s.since))
			 FROM (SELECT ?::pg_snapshot AS since) s, appointment_change_horizon h)""";

	// whole epoch seconds, as the engine counts: cheaper to write and read than
	// timestamptz text, and date_part (double precision) is cheaper than extract
	// (numeric), which only holds' expiry needs, to the microsecond. The reference row
	// comes back even when nothing is taken (one row with no block). Expired holds come
	// back too, marked by their expiry, so that the answer does not depend on the moment
	// it was read.
	private static final String TAKEN = taken(CHANGED_SINCE);

	/**
	 * The same inside a transaction, where nothing is remembered: no question whether
	 * anything changed.
	 */
	private static final String TAKEN_NOW = taken("(true)");

	private static String taken(String changed) {
		return """
				SELECT r.version, r.snapshot, r.changed, b.practitioner_id, b.room_id, b.blocked_from, b.blocked_to,
				    b.hold_expires_micros, b.excluded
				FROM (SELECT version, pg_current_snapshot()::text AS snapshot, """ + changed + """
				AS changed FROM reference_version) r
				LEFT JOIN LATERAL (
				    SELECT practitioner_id, room_id, floor(date_part('epoch', blocked_from))::bigint AS blocked_from,
				        ceil(date_part('epoch', blocked_to))::bigint AS blocked_to,
				        (extract(epoch FROM hold_expires_at) * 1000000)::bigint AS hold_expires_micros,
				        id = ? AS excluded
				    FROM appointment
				    WHERE status IN""" + LIVE + """
				AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?)
				AND (practitioner_id = ANY(?) OR room_id = ANY(?))) b ON true""";
	}

	/**
	 * Whether remembered answers still hold: the current snapshot and reference version,
	 * and whether the appointments changed since the snapshot given.
	 */
	private static final String STILL = "SELECT pg_current_snapshot()::text, (SELECT version FROM reference_version), "
			+ CHANGED_SINCE;

	/**
	 * Counts the questions, tagged by how they were answered: {@code read} or
	 * {@code remembered}.
	 */
	static final String ANSWERS = "unknot.taken.answers";

	private final JdbcClient jdbc;

	private final Counter read;

	private final Counter fromMemory;

	private volatile Remembered remembered = new Remembered(null, -1);

	private final SharedRead<Checked> check = new SharedRead<>(this::stillHolds);

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
			return read(question, false, null).at(now);
		}
		Remembered current = remembered;
		if (current.answers.containsKey(question)) {
			Answer vouched = check.get().answerTo(question);
			if (vouched != null) {
				fromMemory.increment();
				return vouched.at(now);
			}
			// read against the newest remembered answers, so as to join them
			current = remembered;
		}
		Answer fresh = read(question, true, current.snapshot);
		remember(question, fresh, current);
		return fresh.at(now);
	}

	/**
	 * Whether what was read under the remembered snapshot still reads the same; if so,
	 * the remembered answers move on to the current snapshot, so that the next check has
	 * fewer notes to look at. Requests asking at the same time share one check (see
	 * {@link SharedRead}): each gets a check that started after it found its answer.
	 */
	private Checked stillHolds() {
		Remembered current = remembered;
		Still still = jdbc.sql(STILL)
			.param(current.snapshot)
			.query((rs, n) -> new Still(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
			.single();
		if (still.changed() || still.referenceVersion() != current.referenceVersion) {
			return new Checked(current.answers, false);
		}
		synchronized (this) {
			if (remembered.answers == current.answers) {
				remembered = current.movedTo(still.snapshot());
			}
		}
		return new Checked(current.answers, true);
	}

	/**
	 * Reads the answer, and whether the appointments changed since {@code since} (the
	 * snapshot of the answers remembered when the question was asked).
	 */
	private Answer read(Question question, boolean remembering, String since) {
		read.increment();
		long[] version = { -1 };
		String[] snapshot = { null };
		boolean[] changed = { true };
		List<Row> rows = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		List<Object> parameters = new ArrayList<>(6);
		if (remembering) {
			parameters.add(since);
		}
		parameters.addAll(Arrays.asList(question.excluding(), utc(question.from()), utc(question.to()),
				question.practitionerIds().toArray(String[]::new), question.roomIds().toArray(String[]::new)));
		jdbc.sql(remembering ? TAKEN : TAKEN_NOW).params(parameters).query(rs -> {
			version[0] = rs.getLong(1);
			snapshot[0] = rs.getString(2);
			changed[0] = rs.getBoolean(3);
			String practitioner = rs.getString(4);
			if (practitioner != null) {
				String room = rs.getString(5);
				long from = rs.getLong(6);
				long to = rs.getLong(7);
				long holdExpires = rs.getLong(8);
				boolean hold = !rs.wasNull();
				rows.add(new Row(names.computeIfAbsent(practitioner, k -> k),
						room == null ? null : names.computeIfAbsent(room, k -> k), from, to,
						hold ? holdExpires : Long.MAX_VALUE, rs.getBoolean(9)));
			}
		});
		return Answer.of(version[0], snapshot[0], changed[0], rows);
	}

	/**
	 * Keeps the answer beside those remembered when its question was asked if nothing
	 * changed in between (they all read the same under either snapshot); otherwise the
	 * answers start afresh from this one.
	 */
	private synchronized void remember(Question question, Answer answer, Remembered basis) {
		Remembered current = remembered;
		if (current.answers != basis.answers || answer.changedSinceBasis()
				|| answer.referenceVersion() != current.referenceVersion) {
			current = new Remembered(answer.snapshot(), answer.referenceVersion());
			remembered = current;
		}
		if (current.rows.addAndGet(answer.rows().size()) <= REMEMBERED_ROWS) {
			current.answers.put(question, answer);
		}
	}

	/**
	 * Clears the notes of changes that every snapshot taken from now on sees; answers
	 * remembered under an older snapshot are then read again.
	 */
	@Scheduled(fixedDelayString = "${unknot.booking.hold-sweep-interval:PT1M}")
	void forgetOldChanges() {
		jdbc.sql("""
				WITH h AS (UPDATE appointment_change_horizon
				           SET horizon = greatest(horizon, pg_snapshot_xmin(pg_current_snapshot()))
				           RETURNING horizon)
				DELETE FROM appointment_change WHERE xid < (SELECT horizon FROM h)""").update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Question(List<String> practitionerIds, List<String> roomIds, Instant from, Instant to,
			UUID excluding) {
	}

	/**
	 * Answers that all read the same under {@code snapshot}, with the reference version
	 * they were read with.
	 */
	private static final class Remembered {

		final String snapshot;

		final long referenceVersion;

		final Map<Question, Answer> answers;

		final AtomicInteger rows;

		Remembered(String snapshot, long referenceVersion) {
			this(snapshot, referenceVersion, new ConcurrentHashMap<>(), new AtomicInteger());
		}

		private Remembered(String snapshot, long referenceVersion, Map<Question, Answer> answers, AtomicInteger rows) {
			this.snapshot = snapshot;
			this.referenceVersion = referenceVersion;
			this.answers = answers;
			this.rows = rows;
		}

		/** The same answers, known to read the same under a later snapshot. */
		Remembered movedTo(String later) {
			return new Remembered(later, referenceVersion, answers, rows);
		}

	}

	private record Still(String snapshot, long referenceVersion, boolean changed) {
	}

	/**
	 * A check of the remembered answers: whether {@code answers} all still read the same.
	 */
	private record Checked(Map<Question, Answer> answers, boolean hold) {

		/**
		 * The answer to the question among those the check covers, if they still hold:
		 * they may have started afresh since the caller looked (another request's read
		 * after a change), which matters not, since the check started after that.
		 */
		Answer answerTo(Question question) {
			return hold ? answers.get(question) : null;
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

	/**
	 * @param blocks what the rows block whenever asked, when none of them is a hold or
	 * the excluded appointment (the usual answer, asked again and again); otherwise null,
	 * and the rows are filtered against the clock each time
	 */
	private record Answer(long referenceVersion, String snapshot, boolean changedSinceBasis, List<Row> rows,
			List<BusyBlock> blocks) {

		static Answer of(long referenceVersion, String snapshot, boolean changedSinceBasis, List<Row> rows) {
			boolean timeless = rows.stream()
				.allMatch(row -> row.holdExpiresMicros() == Long.MAX_VALUE && !row.excluded());
			return new Answer(referenceVersion, snapshot, changedSinceBasis, List.copyOf(rows),
					timeless ? rows.stream().map(Row::block).toList() : null);
		}

		Taken at(Instant now) {
			if (blocks != null) {
				return new Taken(referenceVersion, blocks, false);
			}
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
