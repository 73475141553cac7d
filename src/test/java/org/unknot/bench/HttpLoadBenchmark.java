package org.unknot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.DatabaseLogins;
import org.springframework.util.FileSystemUtils;
import org.unknot.UnknotApplication;

import tools.jackson.databind.ObjectMapper;

/**
 * The whole application under HTTP load on this machine, each figure printed beside a
 * ceiling measured in the same run: a trivial endpoint of the same server for reads,
 * plain single-row INSERTs on the same PostgreSQL for bookings. Medians of 3 rounds (or
 * {@code -Dbench.rounds}); loopback only. See docs/benchmarks.md.
 */
public final class HttpLoadBenchmark {

	static final int PRACTITIONERS = 20;
	static final int DAYS = 14;
	static final long SEED = 20_261_124L;

	/** {@code -Dbench.rounds=5} for more rounds per figure. */
	static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
	static final Duration ROUND = Duration.ofSeconds(4);

	/** Long enough for the JIT compilers to quieten down on this machine. */
	static final Duration WARM_UP = Duration.ofSeconds(8);
	static final int MAX_CALLS = 200_000;
	static final int BOOKINGS_PER_ROUND = 2_500;
	static final int BOOKING_WARM_UP = 5_000;

	/**
	 * After the first warm-up, part (c) repeats cycles of bookings, inserts and floor
	 * calls, and part (a) cycles of pings and availability (not measured): at least
	 * {@link #MIN_WARM_UP_CYCLES}, then until both kinds each run within {@link #SETTLED}
	 * of their rate in the cycle before, at most this many. With eight clients on two
	 * cores the JIT compilers get little CPU: over eight measured rounds the floor's rate
	 * was seen to climb from 716 to 2,479 calls a second (the bookings' from 285 to 470 a
	 * second), in steps, with plateaus of two or three cycles on the way; so three rounds
	 * right after a fixed warm-up compared a floor still being compiled.
	 */
	static final int WARM_UP_CYCLES = Integer.getInteger("bench.warm-up-cycles", 12);

	static final int MIN_WARM_UP_CYCLES = Math.min(8, WARM_UP_CYCLES);

	static final double SETTLED = 0.10;

	static final int BOOKINGS_PER_WARM_UP_CYCLE = 1_500;

	/**
	 * Bookings run through far more code than the other requests (validation, the
	 * booking, the outbox and its dispatcher): the JIT compilers were still busy after 8
	 * seconds of them.
	 */
	static final Duration BOOKING_WARM_UP_TIME = Duration.ofSeconds(25);

	/**
	 * Days ahead searched for free starts to book: the seeded fortnight and empty weeks
	 * after it.
	 */
	static final int BOOKABLE_DAYS = 372;

	/**
	 * How often the dispatcher looks at the outbox during the benchmark (10 s in a
	 * clinic): often, so that a booking round sends its confirmations while it runs.
	 */
	static final Duration DISPATCH_EVERY = Duration.ofMillis(200);

	static final Duration DRAIN_AT_MOST = Duration.ofMinutes(3);

	static final double HAPI_PER_SECOND = 50;
	static final double HAPI_P50_MILLIS = 150;

	private final ConfigurableApplicationContext app;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final ObjectMapper json;

	private final JdbcClient jdbc;

	private final CpuMeter cpu;

	private final StatementStats statements;

	private BenchClinic clinic;

	private HttpLoadBenchmark(ConfigurableApplicationContext app, Path dataDir) {
		this.app = app;
		this.cpu = new CpuMeter(dataDir);
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
		this.json = app.getBean(ObjectMapper.class);
		this.jdbc = app.getBean(JdbcClient.class);
		this.statements = DIAGNOSE ? new StatementStats(ownerJdbc()) : null;
	}

	/**
	 * {@code -Dbench.diagnose=on}: pg_stat_statements per kind of request (see
	 * {@link StatementStats}).
	 */
	static final boolean DIAGNOSE = "on".equals(System.getProperty("bench.diagnose", "off"));

	public static void main(String[] args) throws Exception {
		boolean durable = !"off".equals(System.getProperty("bench.fsync", "on"));
		Path dataDir = Files.createTempDirectory("unknot-bench");
		try (ConfigurableApplicationContext app = start(durable, dataDir)) {
			new HttpLoadBenchmark(app, dataDir).run();
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * The application as it runs in production: embedded PostgreSQL that flushes every
	 * commit to disk (fsync and synchronous_commit on), in a directory of its own that is
	 * deleted afterwards. {@code -Dbench.fsync=off} uses the tests' throw-away database
	 * instead, which flushes nothing and so makes every commit far cheaper.
	 */
	private static ConfigurableApplicationContext start(boolean durable, Path dataDir) {
		var application = new SpringApplication(UnknotApplication.class, BenchPing.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		List<String> arguments = new ArrayList<>(List.of("--unknot.db.ephemeral=" + !durable,
				"--unknot.data-dir=" + dataDir, "--unknot.demo.load-when-empty=false", "--server.port=0",
				"--server.address=127.0.0.1", "--logging.level.root=WARN",
				// the load generator is one client booking far faster than any clinic's
				"--unknot.api.bookings-per-minute=100000000",
				// the outbox worked as it fills, so that a booking round pays for its own
				// confirmations (see outboxDrained)
				"--unknot.notification.dispatcher.interval=" + DISPATCH_EVERY.toMillis() + "ms"));
		if (DIAGNOSE) {
			arguments.addAll(StatementStats.serverSettings(System.getProperty("bench.explain")));
		}
		return application.run(arguments.toArray(String[]::new));
	}

	private void run() throws Exception {
		LocalDate tomorrow = ZonedDateTime.now(BenchClinic.ZONE).toLocalDate().plusDays(1);
		long seeding = System.nanoTime();
		clinic = BenchClinic.seed(jdbc, PRACTITIONERS, tomorrow, DAYS, SEED);
		say("Unknot HTTP load benchmark, %s, %d cores, Java %s, embedded PostgreSQL %s, fsync %s, synchronous_commit %s",
				ZonedDateTime.now().toLocalDate(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), setting("server_version"), setting("fsync"),
				setting("synchronous_commit"));
		say("clinic: %d therapists, Mon-Sat 09:00-17:00, %d visits seeded over %s..%s (%.0f%% of their time), in %d ms",
				PRACTITIONERS, clinic.visits(), clinic.firstDay(), clinic.lastDay(), 100 * takenShare(),
				(System.nanoTime() - seeding) / 1_000_000);
		say("each figure: median of %d rounds of up to %d s, closed-loop clients on loopback", ROUNDS,
				ROUND.toSeconds());
		Requests requests = new Requests();
		requests.check();
		List<String> parts = List.of(System.getProperty("bench.parts", "a,b,c").split(","));
		warmUp(requests, parts);
		if (parts.contains("a")) {
			availabilityBesidePing(requests);
		}
		if (parts.contains("b")) {
			availabilityOverAFortnight(requests);
		}
		if (parts.contains("c")) {
			bookingsBesideInserts();
		}
		overlaps();
		if (statements != null) {
			say("");
			say("PostgreSQL per kind of request (pg_stat_statements; diagnosing costs CPU, so quote no rates of this run):");
			statements.report().forEach(line -> say("%s", line));
		}
	}

	// --- (a) one practitioner, one day, beside the ping ceiling
	// ------------------------------

	private void availabilityBesidePing(Requests requests) throws InterruptedException {
		List<Round> ping = new ArrayList<>();
		List<Round> availability = new ArrayList<>();
		warmUntilSettled("ping", () -> load("ping", 8, requests.ping).perSecond(), "availability",
				() -> load("availability 1 practitioner 1 day", 8, requests.practitionerDay).perSecond());
		double[] answered = answered();
		for (int round = 0; round < ROUNDS; round++) {
			ping.add(load("ping", 8, requests.ping));
			availability.add(load("availability 1 practitioner 1 day", 8, requests.practitionerDay));
		}
		double[] answeredMeanwhile = since(answered);
		double pingRate = median(ping, Round::perSecond);
		double rate = median(availability, Round::perSecond);
		double ratio = medianRatio(availability, ping, 200);
		say("");
		say("availability 1 practitioner 1 day, c=8: %.0f req/s (ping %.0f req/s) ratio %.2f target >= 0.5: %s", rate,
				pingRate, ratio, verdict(ratio >= 0.5));
		say("    ratio: the median of each round's req/s over the ping's in the round right before it %s"
				+ " (ratio of the medians %.2f)", ratios(availability, ping, 200), rate / pingRate);
		say("    rounds availability %s; ping %s; p50 %.2f ms (ping %.2f ms), p99 %.2f ms (ping %.2f ms)",
				rates(availability), rates(ping), median(availability, r -> r.percentileMillis(50)),
				median(ping, r -> r.percentileMillis(50)), median(availability, r -> r.percentileMillis(99)),
				median(ping, r -> r.percentileMillis(99)));
		say("    CPU per request: availability %s; ping %s; ping/availability %.2f", cpuPer(availability, 200, false),
				cpuPer(ping, 200, false), cpuServing(ping, 200, false) / cpuServing(availability, 200, false));
		say("    bookings read from PostgreSQL for %.0f%% of the questions, answered from memory for %.0f%%",
				share(answeredMeanwhile, 0), share(answeredMeanwhile, 1));
		availabilityWhileOthersCommit(requests);
	}

	/**
	 * The same comparison while another connection commits every millisecond: then hardly
	 * any answer can be reused, and this is what a request costs when it has to read the
	 * bookings.
	 */
	private void availabilityWhileOthersCommit(Requests requests) throws InterruptedException {
		List<Round> ping = new ArrayList<>();
		List<Round> availability = new ArrayList<>();
		double[] answered = answered();
		int commits;
		try (var committer = new Committer(app.getBean(DataSource.class), owner())) {
			for (int round = 0; round < ROUNDS; round++) {
				ping.add(load("ping, commits elsewhere", 8, requests.ping));
				availability
					.add(load("availability 1 practitioner 1 day, commits elsewhere", 8, requests.practitionerDay));
			}
			commits = committer.commits();
		}
		double[] answeredMeanwhile = since(answered);
		double pingRate = median(ping, Round::perSecond);
		double rate = median(availability, Round::perSecond);
		say("  the same while another connection commits every ~1 ms (%d commits): %.0f req/s (ping %.0f req/s) ratio %.2f %s",
				commits, rate, pingRate, medianRatio(availability, ping, 200), ratios(availability, ping, 200));
		say("    CPU per request: availability %s; ping %s", cpuPer(availability, 200, false),
				cpuPer(ping, 200, false));
		say("    bookings read from PostgreSQL for %.0f%% of the questions, answered from memory for %.0f%%",
				share(answeredMeanwhile, 0), share(answeredMeanwhile, 1));
	}

	/**
	 * How many questions about what is taken have been answered so far: {read, from
	 * memory}.
	 */
	private double[] answered() {
		MeterRegistry meters = app.getBean(MeterRegistry.class);
		return new double[] { count(meters, "read"), count(meters, "remembered") };
	}

	private double[] since(double[] before) {
		double[] now = answered();
		return new double[] { now[0] - before[0], now[1] - before[1] };
	}

	private static double count(MeterRegistry meters, String how) {
		var counter = meters.find("unknot.taken.answers").tag("answered", how).counter();
		return counter == null ? 0 : counter.count();
	}

	private static double share(double[] answered, int which) {
		return 100 * answered[which] / Math.max(1, answered[0] + answered[1]);
	}

	// --- (b) a fortnight, for one practitioner and the whole clinic
	// --------------------------

	private void availabilityOverAFortnight(Requests requests) {
		say("");
		say("reference: a HAPI FHIR JPA server answered a 1-practitioner 14-day Slot search ~%.0f req/s at c=8 "
				+ "(p50 ~%.0f ms); target >= 20x that = %.0f req/s", HAPI_PER_SECOND, HAPI_P50_MILLIS,
				20 * HAPI_PER_SECOND);
		for (int concurrency : new int[] { 1, 8 }) {
			fortnight("1 practitioner 14 days", concurrency, requests.practitionerFortnight, true);
			fortnight("whole clinic (20) 14 days", concurrency, requests.clinicFortnight, false);
		}
	}

	private void fortnight(String label, int concurrency, List<HttpRequest> requests, boolean comparable) {
		List<Round> rounds = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			rounds.add(load("availability " + label + " c=" + concurrency, concurrency, requests));
		}
		double rate = median(rounds, Round::perSecond);
		String beside = String.format("%.1fx HAPI", rate / HAPI_PER_SECOND);
		if (concurrency == 8) {
			beside += String.format(", target >= %.0f req/s: %s%s", 20 * HAPI_PER_SECOND,
					verdict(rate >= 20 * HAPI_PER_SECOND), comparable ? "" : " (HAPI's figure is for 1 practitioner)");
		}
		say("availability %s, c=%d: %.0f req/s p50 %.2f ms p99 %.2f ms; %s", label, concurrency, rate,
				median(rounds, r -> r.percentileMillis(50)), median(rounds, r -> r.percentileMillis(99)), beside);
		say("    rounds %s; CPU per request %s", rates(rounds), cpuPer(rounds, 200, false));
	}

	// --- (c) bookings beside plain inserts
	// --------------------------------------------------

	private void bookingsBesideInserts() throws Exception {
		BookingStock stock = BookingStock.collect(json, this::clinicAvailability, clinic.clinicId(), clinic.firstDay(),
				BOOKABLE_DAYS, SEED);
		say("");
		say("bookings: %d free starts collected from availability over %d days, at least 75 min apart per therapist",
				stock.remaining(), BOOKABLE_DAYS);
		try (var inserts = new InsertCeiling(app.getBean(DataSource.class), owner())) {
			List<String> floorBodies = stock.take(1_000);
			book(stock.take(BOOKING_WARM_UP), BOOKING_WARM_UP_TIME);
			LoadGenerator.run(8, MAX_CALLS, WARM_UP, inserts::insert);
			post("/api/bench/insert", MAX_CALLS, floorBodies, WARM_UP);
			warmUntilSettled(stock, inserts, floorBodies);
			int perRound = Math.min(BOOKINGS_PER_ROUND, stock.remaining() / ROUNDS);
			List<Round> bookings = new ArrayList<>();
			List<Round> insertRounds = new ArrayList<>();
			List<Round> floor = new ArrayList<>();
			long sentDuringBookings = 0;
			for (int round = 0; round < ROUNDS; round++) {
				List<String> bodies = stock.take(perRound);
				long[] sent = new long[1];
				bookings.add(measured("booking", 201, () -> {
					sent[0] = sentMessages();
					Round booked = book(bodies, ROUND);
					sent[0] = sentMessages() - sent[0];
					return booked;
				}));
				sentDuringBookings += sent[0];
				insertRounds
					.add(measured("plain insert", 201, () -> LoadGenerator.run(8, MAX_CALLS, ROUND, inserts::insert)));
				floor.add(measured("HTTP POST + plain insert", 201,
						() -> post("/api/bench/insert", MAX_CALLS, floorBodies, ROUND)));
			}
			report(bookings, insertRounds, floor);
			say("    messages sent while the bookings ran: %.2f per booking (the outbox is empty when each round"
					+ " starts; the dispatcher looks every %d ms)",
					sentDuringBookings / (double) bookings.stream().mapToLong(r -> r.count(201)).sum(),
					DISPATCH_EVERY.toMillis());
		}
	}

	/**
	 * Cycles of bookings, inserts and floor calls, as the measured rounds run them, at
	 * least {@link #MIN_WARM_UP_CYCLES} and then until the floor's and the bookings'
	 * rates change by less than {@link #SETTLED} from one cycle to the next; prints each
	 * cycle.
	 */
	private void warmUntilSettled(BookingStock stock, InsertCeiling inserts, List<String> floorBodies) {
		warmUntilSettled("booked", () -> {
			outboxDrained();
			double booked = book(stock.take(BOOKINGS_PER_WARM_UP_CYCLE), ROUND).perSecond(201);
			outboxDrained();
			LoadGenerator.run(8, MAX_CALLS, ROUND, inserts::insert);
			return booked;
		}, "floor", () -> post("/api/bench/insert", MAX_CALLS, floorBodies, ROUND).perSecond(201));
	}

	/**
	 * Runs cycles of two kinds of load (not measured) until both hold their rate (see
	 * {@link #WARM_UP_CYCLES}); prints each cycle.
	 */
	private void warmUntilSettled(String first, DoubleSupplier firstRate, String second, DoubleSupplier secondRate) {
		double firstBefore = 0;
		double secondBefore = 0;
		for (int cycle = 1; cycle <= WARM_UP_CYCLES; cycle++) {
			double firstNow = firstRate.getAsDouble();
			double secondNow = secondRate.getAsDouble();
			boolean settled = cycle >= MIN_WARM_UP_CYCLES && Math.abs(firstNow - firstBefore) <= SETTLED * firstBefore
					&& Math.abs(secondNow - secondBefore) <= SETTLED * secondBefore;
			say("    warm-up cycle %d: %s %.0f/s, %s %.0f/s%s", cycle, first, firstNow, second, secondNow,
					settled ? " (both within " + Math.round(SETTLED * 100) + "% of the cycle before: settled)" : "");
			if (settled) {
				return;
			}
			firstBefore = firstNow;
			secondBefore = secondNow;
		}
		say("    warm-up: not settled after %d cycles; the rounds below may still be warming up", WARM_UP_CYCLES);
	}

	private void report(List<Round> bookings, List<Round> inserts, List<Round> floor) {
		double booked = median(bookings, r -> r.perSecond(201));
		double inserted = median(inserts, r -> r.perSecond(201));
		int created = bookings.stream().mapToInt(r -> r.count(201)).sum();
		int conflicts = bookings.stream().mapToInt(r -> r.count(409)).sum();
		int all = bookings.stream().mapToInt(Round::calls).sum();
		double ratio = medianRatio(bookings, inserts, 201);
		say("bookings c=8: %.0f booked/s (p50 %.1f ms p99 %.1f ms) vs plain INSERT %.0f/s ratio %.2f target >= 0.25: %s",
				booked, median(bookings, r -> r.percentileMillis(50)), median(bookings, r -> r.percentileMillis(99)),
				inserted, ratio, verdict(ratio >= 0.25));
		say("    ratio: the median of each round's booked/s over the inserts/s of the round right after it %s",
				ratios(bookings, inserts, 201));
		say("    answers: %d x 201, %d x 409, %d other %s; rounds booked/s %s; inserts/s %s", created, conflicts,
				all - created - conflicts, otherStatuses(bookings), rates(bookings, r -> r.perSecond(201)),
				rates(inserts, r -> r.perSecond(201)));
		say("    CPU per booking %s; per insert %s; insert/booking %.2f", cpuPer(bookings, 201, false),
				cpuPer(inserts, 201, true), cpuServing(inserts, 201, true) / cpuServing(bookings, 201, false));
		say("  floor for any booking through the API: the same bodies POSTed to a trivial endpoint of the same server"
				+ " (under /api/, so the same filters) that runs only the plain INSERT: %.0f/s (p50 %.1f ms), ratio %.2f"
				+ " to plain INSERT %s; bookings are %.2f of it %s", median(floor, r -> r.perSecond(201)),
				median(floor, r -> r.percentileMillis(50)), medianRatio(floor, inserts, 201),
				ratios(floor, inserts, 201), medianRatio(bookings, floor, 201), ratios(bookings, floor, 201));
		say("    rounds %s; CPU per call %s", rates(floor, r -> r.perSecond(201)), cpuPer(floor, 201, false));
	}

	/** Bookings: each body once at most, POSTed by 8 clients for at most {@code time}. */
	private Round book(List<String> bodies, Duration time) {
		return post("/api/v1/appointments", bodies.size(), bodies, time);
	}

	/**
	 * The bodies in turn, POSTed by 8 clients, {@code maxCalls} at most, for at most
	 * {@code time}.
	 */
	private Round post(String path, int maxCalls, List<String> bodies, Duration time) {
		return LoadGenerator
			.run(8, maxCalls, time,
					n -> http.send(HttpRequest.newBuilder(URI.create(base + path))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(bodies.get(n % bodies.size())))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
	}

	private void overlaps() {
		long byPractitioner = overlapping("practitioner_id");
		long byRoom = overlapping("room_id");
		long byPatient = overlapping("patient_id");
		long live = jdbc.sql("SELECT count(*) FROM appointment WHERE status = 'booked'").query(Long.class).single();
		say("");
		say("overlapping live appointments among %d booked: by practitioner %d, by room %d, by patient %d (must be 0): %s",
				live, byPractitioner, byRoom, byPatient, verdict(byPractitioner == 0 && byRoom == 0 && byPatient == 0));
	}

	/**
	 * Pairs of live visits or holds sharing a practitioner (or room) and some blocked
	 * time.
	 */
	private long overlapping(String column) {
		String live = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";
		return jdbc
			.sql("SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id AND a." + column + " = b."
					+ column + " AND tstzrange(a.blocked_from, a.blocked_to) && tstzrange(b.blocked_from, b.blocked_to)"
					+ " WHERE a.status IN " + live + " AND b.status IN " + live)
			.query(Long.class)
			.single();
	}

	// --- requests, load and arithmetic
	// -------------------------------------------------------

	/**
	 * The requests of each kind; calls take them in turn, so load spreads over therapists
	 * and days.
	 */
	private final class Requests {

		final List<HttpRequest> ping = List.of(get("/bench/ping"));

		final List<HttpRequest> practitionerDay = new ArrayList<>();

		final List<HttpRequest> practitionerFortnight = new ArrayList<>();

		final List<HttpRequest> clinicFortnight = List.of(availability(null, clinic.firstDay(), clinic.lastDay()));

		Requests() {
			for (LocalDate day = clinic.firstDay(); !day.isAfter(clinic.lastDay()); day = day.plusDays(1)) {
				if (BenchClinic.OPEN.contains(day.getDayOfWeek())) {
					for (String practitioner : clinic.practitioners()) {
						practitionerDay.add(availability(practitioner, day, day));
					}
				}
			}
			for (String practitioner : clinic.practitioners()) {
				practitionerFortnight.add(availability(practitioner, clinic.firstDay(), clinic.lastDay()));
			}
		}

		/**
		 * Every kind answers 200 before anything is measured; prints the sizes of the
		 * answers.
		 */
		void check() throws Exception {
			say("answers: ping %s; 1 practitioner 1 day %s; 1 practitioner 14 days %s; whole clinic 14 days %s",
					size(ping.get(0)), size(practitionerDay.get(0)), size(practitionerFortnight.get(0)),
					size(clinicFortnight.get(0)));
		}

		private String size(HttpRequest request) throws Exception {
			HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(
						request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
			}
			int slots = json.readTree(answer.body()).path("slots").size();
			return String.format("%d bytes%s", answer.body().length(), slots > 0 ? ", " + slots + " slots" : "");
		}

	}

	/** Warms up the kinds of request the chosen parts measure, and only those. */
	private void warmUp(Requests requests, List<String> parts) {
		List<List<HttpRequest>> kinds = new ArrayList<>();
		if (parts.contains("a")) {
			kinds.addAll(List.of(requests.ping, requests.practitionerDay));
		}
		if (parts.contains("b")) {
			kinds.addAll(List.of(requests.practitionerFortnight, requests.clinicFortnight));
		}
		for (List<HttpRequest> kind : kinds) {
			LoadGenerator.run(8, MAX_CALLS, WARM_UP, call(kind));
		}
	}

	private Round load(String kind, int concurrency, List<HttpRequest> requests) {
		Round round = measured(kind, 200, () -> LoadGenerator.run(concurrency, MAX_CALLS, ROUND, call(requests)));
		if (!round.all(200)) {
			throw new IllegalStateException(requests.get(0).uri() + " answered " + round.statuses()
					+ "; first failure: " + round.firstFailure());
		}
		return round;
	}

	private Round measured(String kind, int status, Supplier<Round> load) {
		outboxDrained();
		if (statements != null) {
			statements.reset();
		}
		var postgresBefore = statements == null ? null : cpu.postgresByProcess();
		var jvmBefore = statements == null ? null : CpuMeter.jvmByThread();
		double[] before = cpu.now();
		Round round = load.get().withCpu(before, cpu.now());
		if (statements != null) {
			statements.add(kind, round.count(status), postgresBefore, cpu.postgresByProcess(), jvmBefore,
					CpuMeter.jvmByThread());
		}
		return round;
	}

	/**
	 * Waits until nothing in the outbox is due: every round starts with the dispatcher
	 * idle, so that the confirmations of earlier bookings (the warm-up's thousands) are
	 * not sent during, and charged to, a later round of another kind. A booking round
	 * still sends its own as it runs (the dispatcher looks every
	 * {@link #DISPATCH_EVERY}), except those of its last moments.
	 */
	private void outboxDrained() {
		long deadline = System.nanoTime() + DRAIN_AT_MOST.toNanos();
		while (dueMessages() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The outbox did not empty within " + DRAIN_AT_MOST);
			}
			try {
				Thread.sleep(DISPATCH_EVERY.toMillis() / 2);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(interrupted);
			}
		}
	}

	private long dueMessages() {
		return jdbc
			.sql("SELECT count(*) FROM outbox_message WHERE status IN ('pending', 'sending') AND due_at <= now()")
			.query(Long.class)
			.single();
	}

	private long sentMessages() {
		return jdbc.sql("SELECT count(*) FROM outbox_message WHERE status = 'sent'").query(Long.class).single();
	}

	/**
	 * Median CPU microseconds per call with this status: what serving it costs (the
	 * server's request threads, or for plain INSERTs the threads that run them, plus
	 * PostgreSQL), with the whole JVM (load generator, JIT and GC included) beside.
	 */
	private static String cpuPer(List<Round> rounds, int status, boolean direct) {
		int serving = direct ? 1 : 0;
		double java = median(rounds, r -> r.cpuMicrosPer(status)[serving]);
		double client = median(rounds, r -> r.cpuMicrosPer(status)[1]);
		double jvm = median(rounds, r -> r.cpuMicrosPer(status)[2]);
		double postgres = median(rounds, r -> r.cpuMicrosPer(status)[3]);
		return String.format("%.0f us CPU (%s %.0f + PostgreSQL %.0f; %swhole JVM %.0f)", java + postgres,
				direct ? "JDBC threads" : "request threads", java, postgres,
				direct ? "" : String.format("load threads %.0f, ", client), jvm);
	}

	/**
	 * Median CPU microseconds that serving one call costs, as {@link #cpuPer} counts it.
	 */
	private static double cpuServing(List<Round> rounds, int status, boolean direct) {
		int serving = direct ? 1 : 0;
		return median(rounds, r -> r.cpuMicrosPer(status)[serving] + r.cpuMicrosPer(status)[3]);
	}

	private LoadGenerator.Call call(List<HttpRequest> requests) {
		return n -> http.send(requests.get(n % requests.size()), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
	}

	private HttpRequest availability(String practitioner, LocalDate from, LocalDate to) {
		return get("/api/v1/availability?service=" + BenchClinic.SERVICE + "&location=" + clinic.clinicId()
				+ (practitioner == null ? "" : "&practitioner=" + practitioner) + "&from=" + from + "&to=" + to);
	}

	private String clinicAvailability(LocalDate from, LocalDate to) throws Exception {
		HttpResponse<String> answer = http.send(availability(null, from, to), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("Availability answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	private String setting(String name) {
		return jdbc.sql("SHOW " + name).query(String.class).single();
	}

	private double takenShare() {
		long blockedMinutes = jdbc
			.sql("SELECT coalesce(sum(extract(epoch FROM blocked_to - blocked_from)) / 60, 0) FROM appointment")
			.query(Double.class)
			.single()
			.longValue();
		long openDays = clinic.firstDay()
			.datesUntil(clinic.lastDay().plusDays(1))
			.filter(day -> BenchClinic.OPEN.contains(day.getDayOfWeek()))
			.count();
		return blockedMinutes / (double) (openDays * PRACTITIONERS * 8 * 60);
	}

	private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
		double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String rates(List<Round> rounds) {
		return rates(rounds, Round::perSecond);
	}

	private static String rates(List<Round> rounds, ToDoubleFunction<Round> figure) {
		return Arrays.toString(rounds.stream().mapToLong(r -> Math.round(figure.applyAsDouble(r))).toArray());
	}

	/**
	 * Rates of interleaved rounds compared pair by pair, so that a slow spell of this
	 * shared machine slows both sides of a pair instead of one side of the comparison.
	 */
	private static double medianRatio(List<Round> measured, List<Round> beside, int status) {
		double[] sorted = pairRatios(measured, beside, status).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String ratios(List<Round> measured, List<Round> beside, int status) {
		return Arrays.toString(pairRatios(measured, beside, status).mapToObj(r -> String.format("%.2f", r)).toArray());
	}

	private static DoubleStream pairRatios(List<Round> measured, List<Round> beside, int status) {
		return IntStream.range(0, measured.size())
			.mapToDouble(i -> measured.get(i).perSecond(status) / beside.get(i).perSecond(status));
	}

	private static String otherStatuses(List<Round> rounds) {
		List<String> other = new ArrayList<>();
		for (Round round : rounds) {
			round.statuses()
				.forEach((status, count) -> other.add(status == 201 || status == 409 ? "" : status + " x" + count));
		}
		other.removeIf(String::isEmpty);
		return other.isEmpty() ? ""
				: other + (rounds.get(0).firstFailure() == null ? "" : " " + rounds.get(0).firstFailure());
	}

	private static String verdict(boolean met) {
		return met ? "MET" : "MISSED";
	}

	private static void say(String format, Object... arguments) {
		System.out.println(String.format(format, arguments));
	}

	/**
	 * The owner of the tables, for what the application's role may not do (DDL,
	 * statistics).
	 */
	private DataSource owner() {
		return app.getBean(DatabaseLogins.class).ownerDataSource();
	}

	private JdbcClient ownerJdbc() {
		return JdbcClient.create(owner());
	}

}
