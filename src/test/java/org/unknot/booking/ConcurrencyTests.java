package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.ObjectMapper;

/**
 * Many clients at once, as on the morning a popular therapist opens her calendar: the
 * database, not luck, decides who gets a time, so there is never a double booking of a
 * practitioner, a room or a patient, and the losers get a 409 rather than a 500.
 */
@UnknotIntegrationTest
class ConcurrencyTests {

	static final String MASSAGE = TestNetwork.MASSAGE;
	static final OffsetDateTime TEN = newYork("2027-03-15T10:00");
	static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	ApiClient api;

	TestNetwork network;

	@BeforeEach
	void connect() {
		api = new ApiClient(port, json);
		network = new TestNetwork(jdbc);
	}

	@Nested
	class WhenManyWantTheSameTime {

		@Test
		void letsExactlyOneOfFiftySimultaneousBookingsHaveIt() throws Exception {
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);

			List<Answer> answers = simultaneously(50,
					i -> () -> api.book(MASSAGE, therapist, clinic, TEN, newPatient()));

			assertThat(statuses(answers)).containsEntry(201, 1L).containsEntry(409, 49L).hasSize(2);
			assertThat(rowsAt(therapist, TEN)).isEqualTo(1);
			assertThat(network.overlapsOf(therapist)).isZero();
		}

		@Test
		void letsExactlyOneOfFiftySimultaneousHoldsHaveIt() throws Exception {
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);

			List<Answer> answers = simultaneously(50, i -> () -> api.hold(MASSAGE, therapist, clinic, TEN));

			assertThat(statuses(answers)).containsEntry(201, 1L).containsEntry(409, 49L).hasSize(2);
			assertThat(rowsAt(therapist, TEN)).isEqualTo(1);
		}

		@Test
		void givesTheOnlyRoomToOneOfTwoTherapistsBookedAtOnce() throws Exception {
			String clinic = network.clinic(1, 0, 0);
			String first = network.therapist();
			String second = network.therapist();
			network.weekdays(first, clinic).weekdays(second, clinic);

			List<Answer> answers = simultaneously(50,
					i -> () -> api.book(MASSAGE, i % 2 == 0 ? first : second, clinic, TEN, newPatient()));

			assertThat(statuses(answers)).containsEntry(201, 1L).containsEntry(409, 49L).hasSize(2);
			assertThat(rowsAt(first, TEN) + rowsAt(second, TEN)).isEqualTo(1);
			assertThat(maxRoomsInUse(clinic)).isEqualTo(1);
		}

		@Test
		void letsOnePatientHaveOnlyOneOfManyTherapistsAtOnce() throws Exception {
			String clinic = network.clinic(10, 0, 0);
			List<String> therapists = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String therapist = network.therapist();
				network.weekdays(therapist, clinic);
				therapists.add(therapist);
			}
			Map<String, Object> patient = ApiClient.patient("eager-" + TestNetwork.shortId() + "@example.org",
					LocalDate.of(1990, 5, 5));

			List<Answer> answers = simultaneously(20,
					i -> () -> api.book(MASSAGE, therapists.get(i % 10), clinic, TEN, patient));

			assertThat(statuses(answers)).containsEntry(201, 1L).containsEntry(409, 19L).hasSize(2);
		}

	}

	@Nested
	class UnderARandomStorm {

		static final long SEED = 20270315L;
		static final int THREADS = 8;
		static final int ATTEMPTS = 3000;
		static final int PATIENTS = 12;

		final AtomicIntegerArray statusCounts = new AtomicIntegerArray(600);

		final AtomicInteger booked = new AtomicInteger();

		final AtomicInteger cancelled = new AtomicInteger();

		final AtomicInteger replays = new AtomicInteger();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		final Map<String, LongAdder> problems = new ConcurrentHashMap<>();

		String clinic;

		List<String> therapists;

		List<OffsetDateTime> starts;

		List<Map<String, Object>> patients;

		@BeforeEach
		void openAClinicWithTwoRoomsForThreeTherapists() {
			clinic = network.clinic(2, 0, 0);
			therapists = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String therapist = network.therapist();
				network.weekdays(therapist, clinic);
				therapists.add(therapist);
			}
			starts = new ArrayList<>();
			for (String day : List.of("2027-03-15", "2027-03-16")) {
				for (int quarter = 0; quarter <= 12; quarter++) {
					starts.add(newYork(day + "T09:00").plusMinutes(15L * quarter));
				}
			}
			String run = TestNetwork.shortId();
			patients = new ArrayList<>();
			for (int i = 0; i < PATIENTS; i++) {
				patients
					.add(ApiClient.patient("storm-" + run + "-" + i + "@example.org", LocalDate.of(1970 + i, 2, 3)));
			}
		}

		@Test
		void neverDoubleBooksAPractitionerARoomOrAPatient() throws Exception {
			Random seeds = new Random(SEED);
			AtomicInteger remaining = new AtomicInteger(ATTEMPTS);
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			long began = System.nanoTime();
			List<Future<?>> workers = new ArrayList<>();
			CountDownLatch go = new CountDownLatch(1);
			for (int t = 0; t < THREADS; t++) {
				Client client = new Client(new Random(seeds.nextLong()));
				workers.add(pool.submit(() -> {
					go.await();
					while (remaining.getAndDecrement() > 0) {
						client.act();
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> worker : workers) {
				worker.get(120, TimeUnit.SECONDS);
			}
			pool.shutdown();
			Duration took = Duration.ofNanos(System.nanoTime() - began);

			report(took);
			assertThat(failures).as("answers of 5xx or of an unexpected kind").isEmpty();
			assertThat(statusCounts.get(201)).isPositive();
			assertThat(statusCounts.get(409)).isPositive();
			for (String therapist : therapists) {
				assertThat(network.overlapsOf(therapist)).as("overlaps of " + therapist).isZero();
			}
			assertThat(roomOverlaps()).isZero();
			assertThat(patientOverlaps()).isZero();
			assertThat(maxRoomsInUse(clinic)).isBetween(1, 2);
			assertThat(liveRowsWithoutARoom()).isZero();
			assertThat(bookedRows()).as("booked minus cancelled").isEqualTo(booked.get() - cancelled.get());
		}

		private void report(Duration took) {
			StringBuilder counts = new StringBuilder();
			for (int status = 0; status < statusCounts.length(); status++) {
				if (statusCounts.get(status) > 0) {
					counts.append(' ').append(status).append('=').append(statusCounts.get(status));
				}
			}
			System.out.printf(
					"Storm (seed %d): %d attempts from %d threads in %d ms:%s; %d booked, %d cancelled,"
							+ " %d idempotent replays, %d live rows at the end; problems %s%n",
					SEED, ATTEMPTS, THREADS, took.toMillis(), counts, booked.get(), cancelled.get(), replays.get(),
					liveRows(), new TreeMap<>(problems));
		}

		/** One client with its own random choices, its holds and its bookings. */
		final class Client {

			final Random random;

			final Deque<Answer> holds = new ArrayDeque<>();

			final List<Answer> bookings = new ArrayList<>();

			Client(Random random) {
				this.random = random;
			}

			void act() {
				int dice = random.nextInt(100);
				if (dice < 35) {
					bookDirectly();
				}
				else if (dice < 55) {
					hold();
				}
				else if (dice < 75 && !holds.isEmpty()) {
					bookHeld();
				}
				else if (dice < 90 && !bookings.isEmpty()) {
					cancel();
				}
				else if (!bookings.isEmpty()) {
					reschedule();
				}
				else {
					bookDirectly();
				}
			}

			void bookDirectly() {
				String body = api.write(ApiClient.booking(MASSAGE, any(therapists), clinic, anyStart(), any(patients)));
				if (random.nextInt(5) == 0) {
					String key = UUID.randomUUID().toString();
					Answer first = record(api.post("/api/v1/appointments", body, ApiClient.IDEMPOTENCY_KEY, key), 201,
							409, 422);
					Answer retried = api.post("/api/v1/appointments", body, ApiClient.IDEMPOTENCY_KEY, key);
					if (retried.status() != first.status() || !retried.body().equals(first.body())
							|| !"true".equals(retried.header("Idempotent-Replayed"))) {
						failures.add("retry answered " + retried.status() + " " + retried.body() + " after "
								+ first.status() + " " + first.body());
					}
					replays.incrementAndGet();
					keep(first);
				}
				else {
					keep(record(api.post("/api/v1/appointments", body), 201, 409, 422));
				}
			}

			void hold() {
				if (holds.size() >= 3) {
					expire(holds.removeFirst());
				}
				Answer hold = record(api.hold(MASSAGE, any(therapists), clinic, anyStart()), 201, 409, 422);
				if (hold.status() == 201) {
					holds.addLast(hold);
				}
			}

			void bookHeld() {
				Answer hold = holds.removeLast();
				if (random.nextInt(5) == 0) {
					// the patient took too long: the hold has run out by the time they
					// book
					expire(hold);
				}
				Answer answer = record(api.bookHeld(hold, any(patients)), 201, 409, 422);
				if (!keep(answer)) {
					expire(hold);
				}
			}

			void cancel() {
				Answer booking = bookings.remove(random.nextInt(bookings.size()));
				Answer answer = record(api.cancel(booking.id(), booking.token()), 200);
				if (answer.status() == 200) {
					cancelled.incrementAndGet();
				}
			}

			void reschedule() {
				Answer booking = bookings.get(random.nextInt(bookings.size()));
				Map<String, Object> body = Map.of("start", anyStart().toString(), "practitioner", any(therapists));
				record(api.post("/api/v1/appointments/" + booking.id() + "/reschedule", body, ApiClient.MANAGE_TOKEN,
						booking.token()), 200, 409, 422);
			}

			boolean keep(Answer answer) {
				if (answer.status() != 201) {
					return false;
				}
				booked.incrementAndGet();
				bookings.add(answer);
				return true;
			}

			/**
			 * Lets a hold run out, as ten minutes passing would. The update can meet a
			 * booking that is clearing the same expired hold in a deadlock, which
			 * PostgreSQL ends by failing one side; when that is this stand-in for the
			 * clock, it simply tries again.
			 */
			void expire(Answer hold) {
				for (int attempt = 1;; attempt++) {
					try {
						jdbc.sql("""
								UPDATE appointment SET hold_expires_at = now() - interval '1 second'
								WHERE id = ?::uuid AND status = 'pending'""").param(hold.id()).update();
						return;
					}
					catch (ConcurrencyFailureException deadlock) {
						if (attempt == 5) {
							throw deadlock;
						}
					}
				}
			}

			OffsetDateTime anyStart() {
				OffsetDateTime start = any(starts);
				// now and then a time off the grid, which must be refused as such
				return random.nextInt(40) == 0 ? start.plusMinutes(7) : start;
			}

			<T> T any(List<T> items) {
				return items.get(random.nextInt(items.size()));
			}

			Answer record(Answer answer, int... expected) {
				statusCounts.incrementAndGet(answer.status());
				if (answer.status() >= 400) {
					problems.computeIfAbsent(answer.status() + " " + answer.problemType(), k -> new LongAdder())
						.increment();
				}
				for (int status : expected) {
					if (answer.status() == status) {
						return answer;
					}
				}
				failures.add(answer.status() + " " + answer.body());
				return answer;
			}

		}

		private long roomOverlaps() {
			return jdbc.sql("""
					SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id AND a.room_id = b.room_id
					 AND tstzrange(a.blocked_from, a.blocked_to) && tstzrange(b.blocked_from, b.blocked_to)
					WHERE a.clinic_id = ? AND a.status IN %s AND b.status IN %s""".formatted(LIVE, LIVE))
				.param(clinic)
				.query(Long.class)
				.single();
		}

		private long patientOverlaps() {
			return jdbc.sql("""
					SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id AND a.patient_id = b.patient_id
					 AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
					WHERE a.clinic_id = ? AND a.status IN %s AND b.status IN %s""".formatted(LIVE, LIVE))
				.param(clinic)
				.query(Long.class)
				.single();
		}

		private long liveRowsWithoutARoom() {
			return jdbc
				.sql("SELECT count(*) FROM appointment WHERE clinic_id = ? AND room_id IS NULL AND status IN " + LIVE)
				.param(clinic)
				.query(Long.class)
				.single();
		}

		private long bookedRows() {
			return jdbc.sql("SELECT count(*) FROM appointment WHERE clinic_id = ? AND status = 'booked'")
				.param(clinic)
				.query(Long.class)
				.single();
		}

		private long liveRows() {
			return jdbc.sql("SELECT count(*) FROM appointment WHERE clinic_id = ? AND status IN " + LIVE)
				.param(clinic)
				.query(Long.class)
				.single();
		}

	}

	/**
	 * Sends {@code count} requests from as many threads, released together once all are
	 * ready.
	 */
	private static List<Answer> simultaneously(int count, IntFunction<Supplier<Answer>> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Supplier<Answer> request = requests.apply(i);
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return request.get();
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			go.countDown();
			List<Answer> done = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				done.add(answer.get(60, TimeUnit.SECONDS));
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Map<Integer, Long> statuses(List<Answer> answers) {
		return answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
	}

	/** Rows of any status: a refused request must leave nothing behind. */
	private long rowsAt(String practitioner, OffsetDateTime start) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND start_at = ?")
			.params(practitioner, start)
			.query(Long.class)
			.single();
	}

	/**
	 * The most live visits (buffers included) that overlap at any instant in the clinic.
	 */
	private int maxRoomsInUse(String clinic) {
		return jdbc.sql("""
				SELECT coalesce(max(depth), 0) FROM (
				  SELECT a.id, count(*) AS depth FROM appointment a JOIN appointment b ON b.clinic_id = a.clinic_id
				   AND tstzrange(b.blocked_from, b.blocked_to) @> a.blocked_from
				  WHERE a.clinic_id = ? AND a.status IN %s AND b.status IN %s
				  GROUP BY a.id) AS overlapping""".formatted(LIVE, LIVE)).param(clinic).query(Integer.class).single();
	}

}
