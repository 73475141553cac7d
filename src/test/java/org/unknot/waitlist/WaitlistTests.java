package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * A freed time goes to the waiting patients in line order, one offer at a time, each with
 * a short hold; the first to accept books it, an unanswered offer passes on, and a late
 * or second acceptance gets a kind answer instead of a booking.
 */
@UnknotIntegrationTest
class WaitlistTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);
	static final Pattern OFFER_LINK = Pattern.compile("/waitlist/offers/([0-9a-f-]{36})\\?token=([A-Za-z0-9_-]+)");

	Waitlist waitlist;

	BookingDesk desk;

	Appointments appointments;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	String clinic;

	String therapist;

	Instant ten;

	Booked taken;

	PatientDetails first;

	PatientDetails second;

	@BeforeEach
	void aFullDayWithTwoPatientsWaiting() {
		waitlist = context.getBean(Waitlist.class);
		desk = context.getBean(BookingDesk.class);
		appointments = context.getBean(Appointments.class);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		ten = LocalDateTime.parse("2027-03-15T10:00").atZone(NEW_YORK).toInstant();
		taken = desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic), ten), null, patient("Cleo"));
		first = patient("Ada");
		second = patient("Bo");
		join(first, null);
		join(second, null);
	}

	@Nested
	class WhenABookedTimeIsCancelled {

		@Test
		void theFirstInLineIsOfferedItWithAHoldAndBooksItByAccepting() {
			cancelTheTakenVisit();

			assertThat(waitlist.work(Instant.now())).isEqualTo(1);

			Offer offer = offerTo(first);
			assertThat(offerTo(second)).isNull();
			WaitlistOffer held = waitlist.offer(offer.id(), offer.token());
			assertThat(appointments.find(held.holdId()).orElseThrow().status()).isEqualTo(AppointmentStatus.PENDING);
			assertThat(held.start()).isEqualTo(ten);

			Booked booked = waitlist.accept(offer.id(), offer.token(), Instant.now());

			assertThat(booked.appointment().start()).isEqualTo(ten);
			assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
			assertThat(waitlist.entries(TestNetwork.MASSAGE, false)).filteredOn(e -> e.appointmentId() != null)
				.extracting(WaitlistEntry::appointmentId)
				.contains(booked.appointment().id());
			assertThat(waitlist.work(Instant.now())).as("nothing left to offer").isZero();
		}

		@Test
		void anOfferNotTakenInTimeMovesToTheNextInLineAndTheLateAnswerIsKind() {
			cancelTheTakenVisit();
			waitlist.work(Instant.now());
			Offer late = offerTo(first);

			waitlist.work(Instant.now().plus(Duration.ofMinutes(11)));
			Offer next = offerTo(second);
			assertThat(next).isNotNull();

			assertThatThrownBy(
					() -> waitlist.accept(late.id(), late.token(), Instant.now().plus(Duration.ofMinutes(11))))
				.isInstanceOf(OfferNotAvailable.class)
				.hasMessageContaining("You keep your place on the waitlist");
			Booked booked = waitlist.accept(next.id(), next.token(), Instant.now());
			assertThat(booked.appointment().start()).isEqualTo(ten);
			assertThatThrownBy(() -> waitlist.accept(late.id(), late.token(), Instant.now()))
				.isInstanceOf(OfferNotAvailable.class)
				.hasMessageStartingWith("Sorry, someone else booked this time a moment before you");
		}

		@Test
		void aDeclinedOfferMovesOnAtOnce() {
			cancelTheTakenVisit();
			waitlist.work(Instant.now());
			Offer offer = offerTo(first);

			waitlist.decline(offer.id(), offer.token());
			waitlist.work(Instant.now());

			assertThat(offerTo(second)).isNotNull();
		}

		@Test
		void patientsWhoseWindowItMissesAreNotOffered() {
			jdbc.sql("UPDATE waitlist_entry SET status = 'withdrawn' WHERE service_id = ? AND status = 'waiting'")
				.param(TestNetwork.MASSAGE)
				.update();
			PatientDetails afternoon = patient("Dee");
			join(afternoon, LocalTime.of(13, 0));

			cancelTheTakenVisit();
			waitlist.work(Instant.now());

			assertThat(offerTo(afternoon)).isNull();
		}

	}

	@Nested
	class TwoAcceptancesAtOnce {

		@Test
		void sameOfferFromTwoDevicesBooksOnceAndTheOtherIsToldKindly() throws Exception {
			cancelTheTakenVisit();
			waitlist.work(Instant.now());
			Offer offer = offerTo(first);

			List<HttpResponse<String>> answers = together(() -> acceptOverHttp(offer), () -> acceptOverHttp(offer));

			assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
			assertThat(answers).filteredOn(a -> a.statusCode() == 409)
				.singleElement()
				.satisfies(a -> assertThat(a.body()).contains("already been answered"));
			assertThat(bookingsAtTen()).isEqualTo(1);
		}

		@Test
		void anExpiringOfferAndTheNextInLineNeverBothBook() throws Exception {
			cancelTheTakenVisit();
			Instant offered = Instant.now();
			waitlist.work(offered);
			Offer offer = offerTo(first);
			Instant expiry = waitlist.offer(offer.id(), offer.token()).expiresAt();

			List<Object> outcomes = together(
					() -> answer(() -> waitlist.accept(offer.id(), offer.token(), expiry.minusMillis(1))), () -> {
						waitlist.work(expiry);
						Offer next = offerTo(second);
						return next == null ? "no offer for the second"
								: answer(() -> waitlist.accept(next.id(), next.token(), Instant.now()));
					});

			assertThat(bookingsAtTen()).isEqualTo(1);
			assertThat(outcomes).filteredOn(Booked.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(o -> !(o instanceof Booked))
				.singleElement()
				.satisfies(o -> assertThat(o.toString()).satisfiesAnyOf(
						s -> assertThat(s).isEqualTo("no offer for the second"),
						s -> assertThat(s).contains("You keep your place on the waitlist")));
		}

	}

	@Nested
	class TheApi {

		@Test
		void joinsAndLeavesWithTheEntryToken() throws Exception {
			var joined = postJson("/api/v1/waitlist", """
					{"service":"t-massage-60","location":"%s","firstDay":"2027-04-01","lastDay":"2027-04-30",
					 "earliest":"09:00","latest":"12:00","patient":{"givenName":"Eve","familyName":"Park",
					 "email":"eve.%s@example.org","birthDate":"1980-01-01"}}""".formatted(clinic,
					TestNetwork.shortId()), null);
			assertThat(joined.statusCode()).isEqualTo(201);
			Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(joined.body());
			Matcher token = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"").matcher(joined.body());
			assertThat(id.find()).isTrue();
			assertThat(token.find()).isTrue();

			assertThat(send(HttpRequest.newBuilder(uri("/api/v1/staff/waitlist")).GET()).statusCode())
				.as("the staff list needs a staff sign-in")
				.isEqualTo(401);
			assertThat(staffList()).contains(id.group(1));

			var stranger = send(HttpRequest.newBuilder(uri("/api/v1/waitlist/" + id.group(1)))
				.header("X-Waitlist-Token", "guess")
				.DELETE());
			var owner = send(HttpRequest.newBuilder(uri("/api/v1/waitlist/" + id.group(1)))
				.header("X-Waitlist-Token", token.group(1))
				.DELETE());
			assertThat(stranger.statusCode()).isEqualTo(404);
			assertThat(owner.statusCode()).isEqualTo(204);
			assertThat(staffList()).doesNotContain(id.group(1));
		}

		@Test
		void theOfferPageTakesTheTimeWithOneButton() throws Exception {
			cancelTheTakenVisit();
			waitlist.work(Instant.now());
			Offer offer = offerTo(first);
			MockMvc mvc = SecuredMockMvc.of(context);
			String path = "/waitlist/offers/" + offer.id();

			var page = mvc.perform(get(path).param("token", offer.token())).andReturn().getResponse();
			var forged = mvc.perform(post(path + "/accept").param("token", offer.token())).andReturn().getResponse();
			var taken = mvc.perform(post(path + "/accept").param("token", offer.token()).with(csrf()))
				.andReturn()
				.getResponse();
			var again = mvc.perform(post(path + "/accept").param("token", offer.token()).with(csrf()))
				.andReturn()
				.getResponse();

			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("Monday, March 15, 2027 at 10:00 AM EDT")
				.doesNotContain("(America/New_York)")
				.contains("Take this time")
				.contains("name=\"_csrf\"");
			assertThat(forged.getStatus()).as("a form post needs its CSRF token").isEqualTo(403);
			assertThat(taken.getStatus()).isEqualTo(200);
			assertThat(taken.getContentAsString()).contains("It is yours");
			assertThat(again.getStatus()).isEqualTo(409);
			assertThat(again.getContentAsString()).contains("already been answered");
			assertThat(bookingsAtTen()).isEqualTo(1);
		}

		@Test
		void answersBadRequestsWithProblems() throws Exception {
			var backwards = postJson("/api/v1/waitlist", """
					{"service":"t-massage-60","firstDay":"2027-04-30","lastDay":"2027-04-01",
					 "earliest":"12:00","latest":"09:00","patient":{"givenName":"Eve","familyName":"Park",
					 "email":"eve@example.org","birthDate":"1980-01-01"}}""", null);
			var unknown = postJson("/api/v1/waitlist", """
					{"service":"no-such-service","firstDay":"2027-04-01","lastDay":"2027-04-30",
					 "earliest":"09:00","latest":"12:00","patient":{"givenName":"Eve","familyName":"Park",
					 "email":"eve@example.org","birthDate":"1980-01-01"}}""", null);
			var unreadable = postJson("/api/v1/waitlist", "{\"service\":\"t-massage-60\",\"firstDay\":\"soon\"}", null);

			assertThat(backwards.statusCode()).isEqualTo(422);
			assertThat(backwards.body()).contains("lastDay").contains("latest");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unreadable.statusCode()).isEqualTo(400);
		}

	}

	String staffList() throws Exception {
		MockMvc mvc = SecuredMockMvc.of(context);
		return mvc.perform(get("/api/v1/staff/waitlist?service=t-massage-60").with(user("desk").roles("FRONT_DESK")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	record Offer(UUID id, String token) {
	}

	/** The offer the patient was sent, read from the message in the outbox, or null. */
	Offer offerTo(PatientDetails patient) {
		List<String> bodies = jdbc.sql("""
				SELECT m.body_text FROM outbox_message m JOIN patient p ON p.id = m.patient_id
				JOIN waitlist_offer o ON o.id = m.subject_id
				WHERE m.kind = 'WAITLIST_OFFER' AND m.channel = 'EMAIL' AND p.email = ? AND o.status = 'open'""")
			.param(patient.email())
			.query(String.class)
			.list();
		if (bodies.isEmpty()) {
			return null;
		}
		assertThat(bodies).hasSize(1);
		assertThat(bodies.get(0)).contains("Monday, March 15, 2027 at 10:00 AM EDT");
		Matcher link = OFFER_LINK.matcher(bodies.get(0));
		assertThat(link.find()).isTrue();
		return new Offer(UUID.fromString(link.group(1)), link.group(2));
	}

	/**
	 * Cancels the booked visit at ten and waits for the waitlist to record the freed time
	 * (it does so after the cancellation commits, on a thread of its own).
	 */
	void cancelTheTakenVisit() {
		desk.cancel(taken.appointment().id(), taken.manageToken(), "patient");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql(
					"SELECT count(*) FROM waitlist_opening WHERE practitioner_id = ? AND start_at = ? AND status = 'open'")
				.params(therapist, ten.atOffset(java.time.ZoneOffset.UTC))
				.query(Long.class)
				.single() == 1);
	}

	long bookingsAtTen() {
		return jdbc
			.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND start_at = ? AND status = 'booked'")
			.params(therapist, ten.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	void join(PatientDetails patient, LocalTime earliest) {
		waitlist.join(new WaitlistRequest(TestNetwork.MASSAGE, null, LocationId.of(clinic), LocalDate.of(2027, 3, 15),
				LocalDate.of(2027, 3, 19), earliest == null ? LocalTime.of(9, 0) : earliest,
				earliest == null ? LocalTime.of(12, 0) : earliest.plusHours(3), patient));
	}

	static PatientDetails patient(String name) {
		return new PatientDetails(name, "Waiting", name.toLowerCase() + "." + TestNetwork.shortId() + "@example.org",
				null, LocalDate.of(1990, 5, 5));
	}

	static Object answer(java.util.function.Supplier<Booked> accept) {
		try {
			return accept.get();
		}
		catch (OfferNotAvailable kind) {
			return kind.getMessage();
		}
	}

	@SafeVarargs
	static <T> List<T> together(java.util.concurrent.Callable<? extends T>... tasks) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
		try {
			var barrier = new CyclicBarrier(tasks.length);
			List<Future<? extends T>> futures = new ArrayList<>();
			for (var task : tasks) {
				futures.add(threads.submit(() -> {
					barrier.await(10, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (var future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	HttpResponse<String> acceptOverHttp(Offer offer) throws Exception {
		return postJson("/api/v1/waitlist/offers/" + offer.id() + "/accept", "", offer.token());
	}

	HttpResponse<String> postJson(String path, String body, String offerToken) throws Exception {
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (offerToken != null) {
			request.header("X-Offer-Token", offerToken);
		}
		return send(request);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
