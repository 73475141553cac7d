package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.unknot.TestNetwork;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The waitlist module with the modules it uses (booking and what booking stands on,
 * notification, calendar, video) but not the site, staff or admin: a cancellation reaches
 * the waitlist as {@link AppointmentCancelled}, after the commit, and the freed time is
 * offered to the first patient in line.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES,
		extraIncludes = { "availability", "video", "calendar", "insurance", "care", "audit", "privacy", "packages",
				"payment" })
@ActiveProfiles("test")
// a context of its own, shared with no other test class: closed (and its database
// dropped) when done
@DirtiesContext
class WaitlistModuleTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	@Autowired
	Waitlist waitlist;

	@Autowired
	BookingDesk desk;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	Instant ten;

	@BeforeEach
	void aTherapistAtWork() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		ten = LocalDateTime.parse("2027-06-14T10:00").atZone(NEW_YORK).toInstant();
	}

	@Test
	void aCancelledTimeIsOfferedToTheFirstInLine(Scenario scenario) {
		Booked taken = desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic), ten), null, patient("Cleo"));
		UUID first = join(patient("Ada"));
		UUID second = join(patient("Bo"));

		scenario.stimulate(() -> desk.cancel(taken.appointment().id(), taken.manageToken(), "patient"))
			.andWaitForStateChange(this::openOpenings, n -> n > 0)
			.andVerify(n -> assertThat(n).isOne());

		assertThat(waitlist.work(Instant.now())).isOne();
		assertThat(offeredEntries()).containsExactly(first);
		assertThat(waitlist.entries(TestNetwork.MASSAGE, true)).filteredOn(e -> e.id().equals(second))
			.singleElement()
			.satisfies(e -> assertThat(e.status()).isEqualTo("waiting"));
	}

	UUID join(PatientDetails patient) {
		return waitlist
			.join(new WaitlistRequest(TestNetwork.MASSAGE, therapist, LocationId.of(clinic), LocalDate.of(2027, 6, 14),
					LocalDate.of(2027, 6, 18), LocalTime.of(9, 0), LocalTime.of(12, 0), patient))
			.entry()
			.id();
	}

	long openOpenings() {
		return jdbc
			.sql("SELECT count(*) FROM waitlist_opening WHERE practitioner_id = ? AND start_at = ? AND status = 'open'")
			.params(therapist, ten.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	List<UUID> offeredEntries() {
		return jdbc.sql("""
				SELECT o.entry_id FROM waitlist_offer o JOIN waitlist_opening p ON p.id = o.opening_id
				WHERE p.practitioner_id = ? AND o.status = 'open'""").param(therapist).query(UUID.class).list();
	}

	static PatientDetails patient(String name) {
		return new PatientDetails(name, "Waiting", name.toLowerCase() + "." + TestNetwork.shortId() + "@example.org",
				null, LocalDate.of(1990, 5, 5));
	}

}
