package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.unknot.TestNetwork;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The booking module on its own with what it stands on (availability, catalog,
 * practitioner, patient, system), without the site, the staff pages or the modules that
 * listen to it: a booking tells the others through {@link AppointmentBooked}, and a time
 * already taken is refused without telling anyone.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "system")
@ActiveProfiles("test")
// a context of its own, shared with no other test class: closed (and its database
// dropped) when done
@DirtiesContext
class BookingModuleTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

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
	void aBookingPublishesAppointmentBookedForTheVisit(Scenario scenario) {
		scenario.stimulate(() -> desk.book(slotAtTen(), null, patient("Ana")))
			.andWaitForEventOfType(AppointmentBooked.class)
			.matching(booked -> booked.practitionerId().value().equals(therapist))
			.toArriveAndVerify((event, booked) -> {
				assertThat(event.appointmentId()).isEqualTo(booked.appointment().id());
				assertThat(event.patientId()).isEqualTo(booked.appointment().patientId());
				assertThat(event.start()).isEqualTo(ten);
				assertThat(event.location()).isEqualTo(LocationId.of(clinic));
			});
	}

	@Test
	void aTimeAlreadyBookedIsRefusedAndNothingIsPublishedForIt(AssertablePublishedEvents events) {
		desk.book(slotAtTen(), null, patient("Ana"));

		assertThatThrownBy(() -> desk.book(slotAtTen(), null, patient("Bea"))).isInstanceOf(SlotTaken.class);

		assertThat(events.ofType(AppointmentBooked.class)
			.matching(booked -> booked.practitionerId().value().equals(therapist))).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
			.param(therapist)
			.query(Long.class)
			.single()).isOne();
	}

	SlotRequest slotAtTen() {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				ten);
	}

	static PatientDetails patient(String name) {
		return new PatientDetails(name, "Module", name.toLowerCase() + "." + TestNetwork.shortId() + "@example.org",
				null, LocalDate.of(1990, 1, 1));
	}

}
