package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.SlotVerdict;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;

/**
 * A booking of a free time writes the visit without reading first what is taken: the
 * exclusion constraints decide as it is written. Whatever stands in the way, the answer
 * is the one a booking that reads first would give, and nothing stays written that should
 * not.
 */
@UnknotIntegrationTest
class BookingWhereFreeTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	/** A Monday. */
	static final Instant TEN = LocalDateTime.parse("2027-06-14T10:00").atZone(NEW_YORK).toInstant();

	@Autowired
	BookingDesk desk;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	TestNetwork network;

	String clinic;

	String therapist;

	@BeforeEach
	void aClinicWithTwoMassageRooms() {
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void booksAFreeTimeWithoutReadingWhatIsTaken() {
		// a background job (the waitlist, say) may read what is taken meanwhile: one
		// booking of a few that read nothing shows it
		boolean readNothing = false;
		for (int day = 0; day < 5 && !readNothing; day++) {
			double reads = reads();
			Booked booked = desk.book(slot(therapist, TEN.plus(day, ChronoUnit.DAYS)), null, patient("Ana"));
			readNothing = reads() == reads;
			assertThat(booked.appointment().roomId()).isEqualTo(clinic + "-massage_room-1");
		}

		assertThat(readNothing).isTrue();
	}

	@Test
	void putsTheVisitInTheFirstRoomThatIsFree() {
		String second = network.therapist();
		network.weekdays(second, clinic);
		desk.book(slot(therapist, TEN), null, patient("Ana"));

		Booked booked = desk.book(slot(second, TEN), null, patient("Bea"));

		assertThat(booked.appointment().roomId()).isEqualTo(clinic + "-massage_room-2");
		assertThat(network.overlapsOf(therapist)).isZero();
	}

	@Test
	void answersThatThePractitionerIsBusyAsBefore() {
		desk.book(slot(therapist, TEN), null, patient("Ana"));

		assertThatThrownBy(() -> desk.book(slot(therapist, TEN.plus(30, ChronoUnit.MINUTES)), null, patient("Bea")))
			.isInstanceOfSatisfying(SlotTaken.class,
					taken -> assertThat(taken.verdict()).isEqualTo(SlotVerdict.PRACTITIONER_BUSY));
		assertThat(liveVisitsOf(therapist)).isOne();
	}

	@Test
	void answersThatNoRoomIsFreeWhenEveryRoomIsTaken() {
		String second = network.therapist();
		String third = network.therapist();
		network.weekdays(second, clinic).weekdays(third, clinic);
		desk.book(slot(therapist, TEN), null, patient("Ana"));
		desk.book(slot(second, TEN), null, patient("Bea"));

		assertThatThrownBy(() -> desk.book(slot(third, TEN), null, patient("Cy"))).isInstanceOfSatisfying(
				SlotTaken.class, taken -> assertThat(taken.verdict()).isEqualTo(SlotVerdict.NO_ROOM_FREE));
		assertThat(liveVisitsOf(third)).isZero();
	}

	@Test
	void booksATimeWhereOnlyAnExpiredHoldStands() {
		jdbc.sql(
				"""
						INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
						    start_at, end_at, blocked_from, blocked_to, hold_expires_at)
						VALUES (gen_random_uuid(), 'pending', ?, ?, ?, ?, 'MASSAGE_ROOM', ?, ?, ?, ?, now() - interval '1 minute')""")
			.params(TestNetwork.MASSAGE, therapist, clinic, clinic + "-massage_room-1", utc(TEN),
					utc(TEN.plus(60, ChronoUnit.MINUTES)), utc(TEN), utc(TEN.plus(75, ChronoUnit.MINUTES)))
			.update();

		Booked booked = desk.book(slot(therapist, TEN), null, patient("Ana"));

		assertThat(booked.appointment().start()).isEqualTo(TEN);
		assertThat(liveVisitsOf(therapist)).isOne();
	}

	@Test
	void checksAgainWhenTheHoursChangedAfterTheyWereKeptInMemory() {
		// a question that brings this new therapist into memory
		availability.check(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic), PractitionerId.of(therapist), TEN,
				null);
		assertThat(availability.checkRules(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
				PractitionerId.of(therapist), TEN))
			.hasValueSatisfying(rules -> assertThat(rules.slot().free()).as("free by the hours in memory").isTrue());
		// as another node, or someone with psql, would: the memory of this one is not
		// told
		jdbc.sql("DELETE FROM working_hours WHERE practitioner_id = ? AND weekday = 1").param(therapist).update();

		assertThatThrownBy(() -> desk.book(slot(therapist, TEN), null, patient("Ana"))).isInstanceOfSatisfying(
				SlotNotBookable.class,
				refused -> assertThat(refused.verdict()).isEqualTo(SlotVerdict.OUTSIDE_WORKING_HOURS));
		assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ?")
			.param(therapist)
			.query(Long.class)
			.single()).as("nothing left written").isZero();
	}

	private SlotRequest slot(String practitioner, Instant start) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(practitioner),
				LocationId.of(clinic), start);
	}

	private long liveVisitsOf(String practitioner) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
			.param(practitioner)
			.query(Long.class)
			.single();
	}

	private double reads() {
		return meters.counter(TakenTimes.ANSWERS, "answered", "read").count();
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(java.time.ZoneOffset.UTC);
	}

	private static PatientDetails patient(String name) {
		return new PatientDetails(name, "Where-Free", name.toLowerCase() + "." + TestNetwork.shortId() + "@example.org",
				null, LocalDate.of(1990, 1, 1));
	}

}
