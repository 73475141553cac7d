package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.ObjectMapper;

/**
 * The booking guarantees, through the HTTP API on PostgreSQL: a booked time (and its
 * buffer) is gone for everyone else, holds protect their holder only until they expire,
 * cancelling and moving free the old time, and neither a patient nor a room is ever in
 * two places at once.
 */
@UnknotIntegrationTest
class BookingApiTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);
	static final OffsetDateTime TEN = newYork("2027-03-15T10:00");
	static final String MASSAGE = TestNetwork.MASSAGE;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	ApiClient api;

	TestNetwork network;

	String clinic;

	String therapist;

	@BeforeEach
	void openAClinicWithOneMassageRoom() {
		api = new ApiClient(port, json);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Nested
	class WhenAVisitIsBooked {

		@Test
		void answersCreatedWithItsAddressAndAManageToken() {
			Answer booked = book(TEN);

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.header("Location")).isEqualTo("/api/v1/appointments/" + booked.id());
			assertThat(booked.text("status")).isEqualTo("booked");
			assertThat(booked.start()).isEqualTo(TEN);
			assertThat(booked.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
			assertThat(OffsetDateTime.parse(booked.text("end"))).isEqualTo(TEN.plusHours(1));
			assertThat(booked.text("service")).isEqualTo(MASSAGE);
			assertThat(booked.text("practitioner")).isEqualTo(therapist);
			assertThat(booked.text("location")).isEqualTo(clinic);
			assertThat(booked.token()).hasSizeGreaterThanOrEqualTo(40);
		}

		@Test
		void showsTheVisitOnlyToWhoeverHasItsToken() {
			Answer booked = book(TEN);

			Answer withToken = api.find(booked.id(), booked.token());
			assertThat(withToken.status()).isEqualTo(200);
			assertThat(withToken.id()).isEqualTo(booked.id());
			assertThat(withToken.start()).isEqualTo(TEN);
			assertThat(withToken.text("manageToken")).as("the token is shown once, at booking").isNull();

			assertThat(api.find(booked.id(), "not-" + booked.token()).status()).isEqualTo(404);
			Answer withoutToken = api.get("/api/v1/appointments/" + booked.id());
			assertThat(withoutToken.status()).isEqualTo(400);
			assertThat(withoutToken.errorFields()).containsExactly(ApiClient.MANAGE_TOKEN);
		}

		@Test
		void takesTheTimeAndTheBufferAfterItFromAvailability() {
			assertThat(free(MONDAY)).contains(TEN, TEN.plusHours(1));

			book(TEN);

			// 60 minutes and 15 minutes' buffer block 10:00 to 11:15, and so any visit
			// (with its own buffer)
			// starting after 08:45 and before 11:15
			List<OffsetDateTime> free = free(MONDAY);
			assertThat(free).doesNotContain(TEN, TEN.plusHours(1)).contains(TEN.plusMinutes(75));
			assertThat(free.get(0)).isEqualTo(TEN.plusMinutes(75));
		}

		@Test
		void refusesTheSameTimeToAnotherPatient() {
			book(TEN);

			Answer second = book(TEN);

			assertThat(second.status()).isEqualTo(409);
			assertThat(second.contentType()).startsWith("application/problem+json");
			assertThat(second.problemType()).isEqualTo("slot-taken");
			assertThat(bookedRows()).isEqualTo(1);
		}

		@Test
		void refusesAVisitStartingInTheBufferOfAnother() {
			book(TEN);

			assertThat(book(TEN.plusHours(1)).status()).isEqualTo(409);
			assertThat(book(TEN.plusMinutes(75)).status()).isEqualTo(201);
		}

	}

	@Nested
	class WhenTheTimeIsHeld {

		@Test
		void answersAPendingHoldThatExpires() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);

			assertThat(hold.status()).as(hold.body()).isEqualTo(201);
			assertThat(hold.text("status")).isEqualTo("pending");
			assertThat(OffsetDateTime.parse(hold.text("expiresAt"))).as("ten minutes from now")
				.isBetween(OffsetDateTime.now().plusMinutes(9), OffsetDateTime.now().plusMinutes(11));
			assertThat(hold.text("manageToken")).isNull();
			assertThat(free(MONDAY)).doesNotContain(TEN);
		}

		@Test
		void refusesTheTimeToAnotherPatient() {
			api.hold(MASSAGE, therapist, clinic, TEN);

			Answer other = book(TEN);

			assertThat(other.status()).isEqualTo(409);
			assertThat(other.problemType()).isEqualTo("slot-taken");
		}

		@Test
		void letsTheHolderBookIt() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);

			Answer booked = api.bookHeld(hold, newPatient());

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.id()).isEqualTo(hold.id());
			assertThat(booked.text("status")).isEqualTo("booked");
			assertThat(booked.text("expiresAt")).isNull();
			assertThat(bookedRows()).isEqualTo(1);
			assertThat(rows("pending")).isZero();
		}

		@Test
		void refusesAHoldForAnotherTime() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);
			Map<String, Object> body = ApiClient.booking(MASSAGE, therapist, clinic, TEN.plusHours(2), newPatient());
			body.put("hold", hold.id());

			Answer booked = api.post("/api/v1/appointments", body);

			assertThat(booked.status()).isEqualTo(422);
			assertThat(booked.errorFields()).containsExactly("hold");
		}

		@Test
		void doesNotLetSomeoneElsesBookingServeAsAHold() {
			Answer theirs = book(TEN);
			Map<String, Object> body = ApiClient.booking(MASSAGE, therapist, clinic, TEN, newPatient());
			body.put("hold", theirs.id());

			Answer mine = api.post("/api/v1/appointments", body);

			assertThat(mine.status()).isEqualTo(409);
			assertThat(bookedRows()).isEqualTo(1);
			assertThat(api.find(theirs.id(), theirs.token()).text("status")).isEqualTo("booked");
		}

		@Test
		void canBeReadAtTheAddressItWasGiven() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);

			Answer read = api.get(hold.location());

			assertThat(read.status()).as(read.body()).isEqualTo(200);
			assertThat(read.id()).isEqualTo(hold.id());
			assertThat(read.start()).isEqualTo(TEN);
			assertThat(read.text("status")).isEqualTo("pending");
		}

		@Test
		void canBeReleasedSoTheTimeIsFreeAtOnce() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);

			Answer released = api.delete(hold.location());

			assertThat(released.status()).as(released.body()).isEqualTo(204);
			assertThat(free(MONDAY)).contains(TEN);
			assertThat(api.get(hold.location()).status()).isEqualTo(404);
			assertThat(api.delete(hold.location()).status()).isEqualTo(404);
		}

		@Test
		void isNoLongerAHoldOnceBooked() {
			Answer hold = api.hold(MASSAGE, therapist, clinic, TEN);
			Answer booked = api.bookHeld(hold, newPatient());

			assertThat(api.get(hold.location()).status()).isEqualTo(404);
			assertThat(api.delete(hold.location()).status()).as("a booking is never released as a hold").isEqualTo(404);
			assertThat(api.find(booked.id(), booked.token()).text("status")).isEqualTo("booked");
		}

		@Test
		void stopsBlockingOnceItHasExpired() {
			UUID hold = insertExpiredHold(TEN);

			assertThat(free(MONDAY)).contains(TEN);
			Answer booked = book(TEN);

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.id()).isNotEqualTo(hold.toString());
			assertThat(rows("pending")).as("the expired hold was cleared away").isZero();
		}

	}

	@Nested
	class WhenAVisitIsCancelled {

		@Test
		void freesTheTimeAgain() {
			Answer booked = book(TEN);

			Answer cancelled = api.cancel(booked.id(), booked.token());

			assertThat(cancelled.status()).isEqualTo(200);
			assertThat(cancelled.text("status")).isEqualTo("cancelled");
			assertThat(cancelled.text("cancellationReason")).isEqualTo("feeling better");
			assertThat(free(MONDAY)).contains(TEN, TEN.plusHours(1));
			assertThat(book(TEN).status()).isEqualTo(201);
		}

		@Test
		void refusesToCancelItTwice() {
			Answer booked = book(TEN);
			api.cancel(booked.id(), booked.token());

			Answer again = api.cancel(booked.id(), booked.token());

			assertThat(again.status()).isEqualTo(409);
			assertThat(again.problemType()).isEqualTo("transition-not-allowed");
		}

		@Test
		void needsTheManageToken() {
			Answer booked = book(TEN);

			assertThat(api.cancel(booked.id(), "guessed").status()).isEqualTo(404);
			assertThat(api.post("/api/v1/appointments/" + booked.id() + "/cancel", "{}").status()).isEqualTo(400);
			assertThat(api.find(booked.id(), booked.token()).text("status")).isEqualTo("booked");
		}

	}

	@Nested
	class WhenAVisitIsRescheduled {

		@Test
		void keepsItsIdRaisesItsSequenceAndSwapsTheTimes() {
			Answer booked = book(TEN);
			OffsetDateTime two = TEN.plusHours(4);

			Answer moved = api.reschedule(booked.id(), booked.token(), two);

			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			assertThat(moved.id()).isEqualTo(booked.id());
			assertThat(moved.start()).isEqualTo(two);
			assertThat(moved.json().path("sequence").asInt()).isEqualTo(1);
			assertThat(free(MONDAY)).contains(TEN).doesNotContain(two);
			assertThat(book(two).status()).isEqualTo(409);
			assertThat(book(TEN).status()).isEqualTo(201);
		}

		@Test
		void changesNothingWhenTheNewTimeIsTaken() {
			Answer mine = book(TEN);
			OffsetDateTime two = TEN.plusHours(4);
			book(two);

			Answer moved = api.reschedule(mine.id(), mine.token(), two);

			assertThat(moved.status()).isEqualTo(409);
			Answer unchanged = api.find(mine.id(), mine.token());
			assertThat(unchanged.start()).isEqualTo(TEN);
			assertThat(unchanged.json().path("sequence").asInt()).isZero();
			assertThat(free(MONDAY)).doesNotContain(TEN, two);
			assertThat(bookedRows()).isEqualTo(2);
		}

		@Test
		void movesToAnotherTherapistKeepingTheOnlyRoom() {
			String colleague = network.therapist();
			network.weekdays(colleague, clinic);
			Answer booked = book(TEN);
			Map<String, Object> body = Map.of("start", TEN.toString(), "practitioner", colleague);

			Answer moved = api.post("/api/v1/appointments/" + booked.id() + "/reschedule", body, ApiClient.MANAGE_TOKEN,
					booked.token());

			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			assertThat(moved.text("practitioner")).isEqualTo(colleague);
			assertThat(moved.text("room")).isEqualTo(booked.text("room"));
			assertThat(bookedRows()).as("nothing left with the first therapist").isZero();
			assertThat(api.freeStarts(MASSAGE, clinic, colleague, MONDAY)).doesNotContain(TEN);
		}

		@Test
		void mayMoveByLessThanItsOwnLength() {
			Answer booked = book(TEN);

			Answer moved = api.reschedule(booked.id(), booked.token(), TEN.plusMinutes(30));

			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			assertThat(moved.start()).isEqualTo(TEN.plusMinutes(30));
		}

	}

	@Nested
	class WhenThePatientIsAlreadyBusy {

		@Test
		void refusesASecondVisitAtTheSameTimeWithAnotherPractitioner() {
			String otherClinic = network.clinic(1, 0, 0);
			String otherTherapist = network.therapist();
			network.weekdays(otherTherapist, otherClinic);
			String email = "busy-" + TestNetwork.shortId() + "@example.org";
			LocalDate born = LocalDate.of(1975, 6, 1);
			assertThat(book(TEN, ApiClient.patient(email, born)).status()).isEqualTo(201);

			Answer second = api.book(MASSAGE, otherTherapist, otherClinic, TEN.plusMinutes(30),
					ApiClient.patient(email.toUpperCase(), born));

			assertThat(second.status()).isEqualTo(409);
			assertThat(second.problemType()).isEqualTo("patient-already-booked");
			assertThat(api.freeStarts(MASSAGE, otherClinic, otherTherapist, MONDAY)).contains(TEN.plusMinutes(30));
		}

		@Test
		void letsAnotherPatientWithTheSameEmailBookThen() {
			String email = "family-" + TestNetwork.shortId() + "@example.org";
			String otherClinic = network.clinic(1, 0, 0);
			String otherTherapist = network.therapist();
			network.weekdays(otherTherapist, otherClinic);
			book(TEN, ApiClient.patient(email, LocalDate.of(1975, 6, 1)));

			Answer child = api.book(MASSAGE, otherTherapist, otherClinic, TEN,
					ApiClient.patient(email, LocalDate.of(2005, 6, 1)));

			assertThat(child.status()).as(child.body()).isEqualTo(201);
		}

	}

	@Nested
	class WhenAProcedureNeedsAConsultation {

		String procedureClinic;

		String physician;

		@BeforeEach
		void openAClinicWithAPhysician() {
			procedureClinic = network.clinic(0, 1, 1);
			physician = network.physician();
			network.weekdays(physician, procedureClinic);
		}

		@Test
		void refusesTheProcedureWithoutOne() {
			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1),
					newPatient());

			assertThat(procedure.status()).isEqualTo(422);
			assertThat(procedure.contentType()).startsWith("application/problem+json");
			assertThat(procedure.text("type")).endsWith("prerequisite-missing");
			assertThat(procedure.text("prerequisite")).isEqualTo("CONSULTATION");
		}

		@Test
		void listsThePrerequisiteWithTheAvailability() {
			Answer availability = api.availability(TestNetwork.PROCEDURE, procedureClinic, physician, MONDAY, MONDAY);

			assertThat(availability.json().path("prerequisites").get(0).path("category").asString())
				.isEqualTo("CONSULTATION");
		}

		@Test
		void booksTheProcedureAfterAnEarlierConsultation() {
			Map<String, Object> patient = newPatient();
			assertThat(api.book(TestNetwork.CONSULTATION, physician, procedureClinic, TEN, patient).status())
				.isEqualTo(201);

			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1), patient);

			assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
		}

		@Test
		void refusesToMoveTheProcedureBeforeTheConsultation() {
			Map<String, Object> patient = newPatient();
			api.book(TestNetwork.CONSULTATION, physician, procedureClinic, TEN, patient);
			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1), patient);

			Answer tooEarly = api.reschedule(procedure.id(), procedure.token(), TEN.minusHours(1));

			assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(422);
			assertThat(tooEarly.problemType()).isEqualTo("prerequisite-missing");
			assertThat(api.find(procedure.id(), procedure.token()).start()).isEqualTo(TEN.plusDays(1));
			Answer later = api.reschedule(procedure.id(), procedure.token(), TEN.plusHours(1));
			assertThat(later.status()).as(later.body()).isEqualTo(200);
		}

		@Test
		void refusesASeriesOfProceduresWithoutOne() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", TestNetwork.PROCEDURE);
			body.put("practitioner", physician);
			body.put("location", procedureClinic);
			body.put("firstStart", TEN.toString());
			body.put("every", "P2W");
			body.put("count", 3);
			body.put("patient", newPatient());

			Answer series = api.post("/api/v1/series", body);

			assertThat(series.status()).as(series.body()).isEqualTo(422);
			assertThat(series.problemType()).isEqualTo("prerequisite-missing");
			assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ?")
				.param(physician)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void keepsTheConsultationAProcedureReliesOn() {
			Map<String, Object> patient = newPatient();
			Answer consultation = api.book(TestNetwork.CONSULTATION, physician, procedureClinic, TEN, patient);
			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1), patient);

			Answer cancel = api.cancel(consultation.id(), consultation.token());
			Answer moveAfter = api.reschedule(consultation.id(), consultation.token(), TEN.plusDays(2));

			assertThat(cancel.status()).as(cancel.body()).isEqualTo(409);
			assertThat(cancel.problemType()).isEqualTo("prerequisite-in-use");
			assertThat(cancel.text("dependent")).isEqualTo(procedure.id());
			assertThat(moveAfter.status()).as(moveAfter.body()).isEqualTo(409);
			assertThat(api.find(consultation.id(), consultation.token()).text("status")).isEqualTo("booked");
			assertThat(api.find(consultation.id(), consultation.token()).start()).isEqualTo(TEN);
		}

		@Test
		void letsTheConsultationGoOnceTheProcedureIsCancelled() {
			Map<String, Object> patient = newPatient();
			Answer consultation = api.book(TestNetwork.CONSULTATION, physician, procedureClinic, TEN, patient);
			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1), patient);
			Answer earlier = api.reschedule(consultation.id(), consultation.token(), TEN.minusHours(1));
			assertThat(earlier.status()).as("moving it earlier keeps it before the procedure").isEqualTo(200);

			api.cancel(procedure.id(), procedure.token());
			Answer cancel = api.cancel(consultation.id(), consultation.token());

			assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
		}

		@Test
		void doesNotCountAConsultationAfterTheProcedure() {
			Map<String, Object> patient = newPatient();
			assertThat(
					api.book(TestNetwork.CONSULTATION, physician, procedureClinic, TEN.plusDays(2), patient).status())
				.isEqualTo(201);

			Answer procedure = api.book(TestNetwork.PROCEDURE, physician, procedureClinic, TEN.plusDays(1), patient);

			assertThat(procedure.status()).isEqualTo(422);
			assertThat(procedure.problemType()).isEqualTo("prerequisite-missing");
		}

	}

	@Nested
	class WhenRoomsRunOut {

		@Test
		void refusesASecondTherapistWhenTheOnlyRoomIsTaken() {
			String second = network.therapist();
			network.weekdays(second, clinic);
			assertThat(book(TEN).status()).isEqualTo(201);

			Answer refused = api.book(MASSAGE, second, clinic, TEN, newPatient());

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo("slot-taken");
			assertThat(api.freeStarts(MASSAGE, clinic, second, MONDAY)).doesNotContain(TEN)
				.contains(TEN.plusMinutes(75));
		}

		@Test
		void needsNoRoomForAVideoConsultation() {
			String first = network.physician();
			String second = network.physician();
			network.weekdays(first, null).weekdays(second, null);

			Answer one = api.book(TestNetwork.CONSULTATION, first, "virtual", TEN, newPatient());
			Answer two = api.book(TestNetwork.CONSULTATION, second, "virtual", TEN, newPatient());

			assertThat(one.status()).as(one.body()).isEqualTo(201);
			assertThat(two.status()).as(two.body()).isEqualTo(201);
			assertThat(one.text("location")).isEqualTo("virtual");
			assertThat(one.text("room")).isNull();
			assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id IN (?, ?) AND room_id IS NULL")
				.params(first, second)
				.query(Long.class)
				.single()).isEqualTo(2);
		}

		@Test
		void givesAnInPersonConsultationItsConsultingRoom() {
			String consulting = network.clinic(0, 0, 1);
			String physician = network.physician();
			String other = network.physician();
			network.hours(physician, consulting, List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))
				.hours(other, consulting, List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

			Answer booked = api.book(TestNetwork.CONSULTATION, physician, consulting, TEN, newPatient());

			assertThat(booked.text("room")).isEqualTo(consulting + "-consulting_room-1");
			assertThat(api.book(TestNetwork.CONSULTATION, other, consulting, TEN, newPatient()).status())
				.isEqualTo(409);
		}

	}

	private Answer book(OffsetDateTime start) {
		return book(start, newPatient());
	}

	private Answer book(OffsetDateTime start, Map<String, Object> patient) {
		return api.book(MASSAGE, therapist, clinic, start, patient);
	}

	private List<OffsetDateTime> free(LocalDate day) {
		return api.freeStarts(MASSAGE, clinic, therapist, day);
	}

	private long bookedRows() {
		return rows("booked");
	}

	private long rows(String status) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = ?")
			.params(therapist, status)
			.query(Long.class)
			.single();
	}

	/** A hold whose ten minutes ran out long ago, and which no sweep has removed yet. */
	private UUID insertExpiredHold(OffsetDateTime start) {
		UUID id = UUID.randomUUID();
		OffsetDateTime end = start.plusHours(1);
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
				    start_at, end_at, blocked_from, blocked_to, hold_expires_at)
				VALUES (?, 'pending', ?, ?, ?, ?, 'MASSAGE_ROOM', ?, ?, ?, ?, ?)""")
			.params(id, MASSAGE, therapist, clinic, clinic + "-massage_room-1", start, end, start, end.plusMinutes(15),
					OffsetDateTime.now().minusMinutes(1))
			.update();
		return id;
	}

}
