package org.unknot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.DatabaseLogins;
import org.springframework.util.FileSystemUtils;
import org.unknot.UnknotApplication;

/**
 * What single statements cost PostgreSQL, one at a time on one connection, so that no
 * other load blurs them: the backend's CPU per execution (from /proc) and the wall time,
 * in the bench clinic ({@link BenchClinic}). Reads: the bookings query of availability
 * over three days (the window before) and over one day, and the snapshot check. Writes,
 * each its own transaction: a plain insert, a visit with and without ON CONFLICT, the
 * outbox rows of a booking one by one and in one statement. Commits are not flushed to
 * disk here (synchronous_commit off for this session only): the figures are CPU, not
 * fsync. {@code -Dbench.runs=N} sets the executions per figure (4,000),
 * {@code -Dbench.explain=true} prints the plan of a booking's check.
 *
 * <pre>
 * ./mvnw -q -Pbench -Dbench.main=org.unknot.bench.StatementCosts test-compile exec:java
 * </pre>
 */
public final class StatementCosts {

	private static final int RUNS = Integer.getInteger("bench.runs", 4_000);

	private static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	private static final String BOOKINGS = """
			SELECT r.version, r.snapshot, b.practitioner_id, b.room_id, b.blocked_from, b.blocked_to
			FROM (SELECT version, pg_current_snapshot()::text AS snapshot FROM reference_version) r
			LEFT JOIN LATERAL (
			    SELECT practitioner_id, room_id, floor(date_part('epoch', blocked_from))::bigint AS blocked_from,
			        ceil(date_part('epoch', blocked_to))::bigint AS blocked_to
			    FROM appointment
			    WHERE status IN""" + LIVE + """
			AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?)
			AND (practitioner_id = ANY(?) OR room_id = ANY(?))) b ON true""";

	private static final String VISIT = """
			INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
			    patient_id, start_at, end_at, blocked_from, blocked_to, manage_token_hash)
			VALUES (?, 'booked', ?, ?, ?, ?, 'MASSAGE_ROOM', ?, ?, ?, ?, ?, ?)""";

	private static final String OUTBOX_ROW = "(?, ?, ?, 'REMINDER', ?, 'EMAIL', ?, ?, ?)";

	private static final String OUTBOX = """
			INSERT INTO outbox_message (id, subject_id, patient_id, kind, occurrence, channel, due_at, expires_at,
			    message_id)
			VALUES\s""";

	private final Connection connection;

	private final int backend;

	private final BenchClinic clinic;

	private final String[] rooms;

	private final List<UUID> patients = new ArrayList<>();

	private int visits;

	private StatementCosts(Connection connection, BenchClinic clinic, String[] rooms) throws Exception {
		this.connection = connection;
		this.clinic = clinic;
		this.rooms = rooms;
		try (Statement statement = connection.createStatement();
				ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
			pid.next();
			this.backend = pid.getInt(1);
			statement.execute("SET synchronous_commit = off");
		}
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Files.createTempDirectory("unknot-statements");
		var application = new SpringApplication(UnknotApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext app = application.run("--unknot.db.ephemeral=false",
				"--unknot.data-dir=" + dataDir, "--unknot.demo.load-when-empty=false", "--server.port=0",
				"--server.address=127.0.0.1", "--logging.level.root=WARN",
				"--unknot.notification.dispatcher.enabled=false")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			LocalDate tomorrow = ZonedDateTime.now(BenchClinic.ZONE).toLocalDate().plusDays(1);
			BenchClinic clinic = BenchClinic.seed(jdbc, HttpLoadBenchmark.PRACTITIONERS, tomorrow,
					HttpLoadBenchmark.DAYS, HttpLoadBenchmark.SEED);
			DataSource owner = app.getBean(DatabaseLogins.class).ownerDataSource();
			JdbcClient.create(owner).sql("ANALYZE").update();
			String[] rooms = jdbc.sql("SELECT id FROM room WHERE clinic_id = ? ORDER BY id")
				.param(clinic.clinicId())
				.query(String.class)
				.list()
				.toArray(String[]::new);
			// as the owner: it makes a scratch table among the application's
			try (Connection connection = owner.getConnection()) {
				new StatementCosts(connection, clinic, rooms).run(tomorrow.plusDays(2));
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private void run(LocalDate day) throws Exception {
		System.out.printf("PostgreSQL CPU and wall time per execution, %d executions each, one connection%n", RUNS);
		OffsetDateTime dayStarts = day.atStartOfDay(BenchClinic.ZONE).toOffsetDateTime();
		String[] practitioner = { clinic.practitioners().get(3) };
		measure("SELECT 1", () -> read("SELECT 1"));
		measure("snapshot check", () -> read("SELECT pg_current_snapshot()::text"));
		measure("bookings of 1 practitioner + 20 rooms, 3 days (before)",
				() -> read(BOOKINGS, dayStarts.minusDays(1), dayStarts.plusDays(2), practitioner, rooms));
		measure("bookings of 1 practitioner + 20 rooms, 1 day + 75 min",
				() -> read(BOOKINGS, dayStarts, dayStarts.plusDays(1).plusMinutes(75), practitioner, rooms));
		measure("bookings in one visit's blocked range (a booking's check)", () -> read(BOOKINGS,
				dayStarts.plusHours(10), dayStarts.plusHours(11).plusMinutes(15), practitioner, rooms));
		if (Boolean.getBoolean("bench.explain")) {
			explain(BOOKINGS, dayStarts.plusHours(10), dayStarts.plusHours(11).plusMinutes(15), practitioner, rooms);
		}
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO patient (id, email, birth_date, given_name, family_name) SELECT id, 'p-' || id || '@example.org', DATE '1980-01-01', 'Statement', 'Costs' FROM unnest(?::uuid[]) id")) {
			for (int i = 0; i < 8 * (RUNS + RUNS / 4); i++) {
				patients.add(UUID.randomUUID());
			}
			insert.setArray(1, connection.createArrayOf("uuid", patients.toArray()));
			insert.executeUpdate();
			connection.commit();
		}
		execute("CREATE TABLE bench_scratch (id uuid PRIMARY KEY, practitioner_id text NOT NULL, "
				+ "start_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
		measure("commit of an empty transaction", () -> {
			read("SELECT 1");
			connection.commit();
		});
		measure("plain single-row insert + commit (the ceiling's transaction)", () -> {
			write("INSERT INTO bench_scratch (id, practitioner_id, start_at) VALUES (?, ?, ?)", UUID.randomUUID(),
					"p-" + visits++ % 20, OffsetDateTime.now(ZoneOffset.UTC));
			connection.commit();
		});
		measure("visit insert + commit", () -> {
			visit("");
			connection.commit();
		});
		measure("visit insert ON CONFLICT DO NOTHING + commit", () -> {
			visit(" ON CONFLICT DO NOTHING");
			connection.commit();
		});
		measure("3 outbox rows, 3 statements + commit", () -> {
			UUID subject = UUID.randomUUID();
			UUID patient = patients.get(visits++);
			for (int k = 0; k < 3; k++) {
				outbox(subject, patient, 1, k);
			}
			connection.commit();
		});
		measure("3 outbox rows, 1 statement + commit", () -> {
			outbox(UUID.randomUUID(), patients.get(visits++), 3, 0);
			connection.commit();
		});
	}

	@FunctionalInterface
	private interface Execution {

		void run() throws Exception;

	}

	/** Runs a quarter of the executions as warm-up, then measures. */
	private void measure(String what, Execution execution) throws Exception {
		for (int i = 0; i < RUNS / 4; i++) {
			execution.run();
		}
		long ticks = ticks();
		long started = System.nanoTime();
		for (int i = 0; i < RUNS; i++) {
			execution.run();
		}
		double wall = (System.nanoTime() - started) / 1000.0 / RUNS;
		double cpu = (ticks() - ticks) * 10_000.0 / RUNS;
		System.out.printf("  %-62s PostgreSQL %6.1f us CPU, %6.1f us wall%n", what, cpu, wall);
	}

	/** The backend's CPU so far, in clock ticks of 10 ms. */
	private long ticks() throws Exception {
		String stat = Files.readString(Path.of("/proc", String.valueOf(backend), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private void read(String sql, Object... parameters) throws Exception {
		try (PreparedStatement statement = prepared(sql, parameters); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				rows.getString(1);
			}
		}
	}

	/**
	 * EXPLAIN (ANALYZE, BUFFERS) of the statement with these parameters
	 * ({@code -Dbench.explain=true}).
	 */
	private void explain(String sql, Object... parameters) throws Exception {
		try (PreparedStatement statement = prepared("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, parameters);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				System.out.println("      " + rows.getString(1));
			}
		}
	}

	private void write(String sql, Object... parameters) throws Exception {
		try (PreparedStatement statement = prepared(sql, parameters)) {
			statement.executeUpdate();
		}
	}

	private void execute(String sql) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		connection.commit();
	}

	/**
	 * A visit of the next practitioner in turn, in their own room, for a patient of its
	 * own, next year.
	 */
	private void visit(String suffix) throws Exception {
		int n = visits++;
		int p = n % clinic.practitioners().size();
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).plusMinutes(75L * (n / 20));
		write(VISIT + suffix, UUID.randomUUID(), BenchClinic.SERVICE, clinic.practitioners().get(p), clinic.clinicId(),
				clinic.clinicId() + "-massage_room-" + (p + 1), patients.get(n), start, start.plusMinutes(60), start,
				start.plusMinutes(75), new byte[32]);
	}

	private void outbox(UUID subject, UUID patient, int rows, int first) throws Exception {
		StringBuilder sql = new StringBuilder(OUTBOX);
		List<Object> parameters = new ArrayList<>();
		for (int k = first; k < first + rows; k++) {
			UUID id = UUID.randomUUID();
			sql.append(k == first ? "" : ", ").append(OUTBOX_ROW);
			parameters.addAll(List.of(id, subject, patient, "r" + k, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3),
					OffsetDateTime.now(ZoneOffset.UTC).plusDays(4), "<" + id + "@unknot>"));
		}
		write(sql + " ON CONFLICT (subject_id, kind, occurrence, channel) DO NOTHING", parameters.toArray());
	}

	private PreparedStatement prepared(String sql, Object... parameters) throws Exception {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i] instanceof String[] array) {
				statement.setArray(i + 1, connection.createArrayOf("text", array));
			}
			else {
				statement.setObject(i + 1, parameters[i]);
			}
		}
		return statement;
	}

}
