package org.unknot.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.unknot.TestNetwork;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The availability module with its direct dependencies (catalog, practitioner, system)
 * and the booking module, which answers availability's {@link Occupancy} port with the
 * times taken: free starts are found around a booked visit and its buffer.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "system", "booking", "patient" })
@ActiveProfiles("test")
// a context of its own, shared with no other test class: closed (and its database
// dropped) when done
@DirtiesContext
class AvailabilityModuleTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 6, 14);

	@Autowired
	AvailabilitySearch search;

	@Autowired
	BookingDesk desk;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	@BeforeEach
	void aTherapistAtWork() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void freeStartsLeaveRoomForABookedVisitAndItsBuffer() {
		List<LocalTime> before = starts();
		assertThat(before).contains(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 15));

		bookedVisit(at(10, 0));

		List<LocalTime> after = starts();
		// a 60-minute massage with 15 minutes' buffer after it: nothing from 08:45 to
		// 11:00 may start, 09:00's visit would run into the booked one
		assertThat(after).doesNotContain(LocalTime.of(9, 0), LocalTime.of(9, 45), LocalTime.of(10, 0),
				LocalTime.of(10, 45), LocalTime.of(11, 0));
		assertThat(after).contains(LocalTime.of(11, 15), LocalTime.of(14, 0));
		assertThat(before).containsAll(after);
	}

	List<LocalTime> starts() {
		return search
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(therapist), MONDAY, MONDAY))
			.slots()
			.stream()
			.map(slot -> slot.start().atZoneSameInstant(NEW_YORK).toLocalTime())
			.toList();
	}

	Instant at(int hour, int minute) {
		return LocalDateTime.of(MONDAY, LocalTime.of(hour, minute)).atZone(NEW_YORK).toInstant();
	}

	void bookedVisit(Instant start) {
		desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start),
				null, new PatientDetails("Ana", "Module", "ana." + TestNetwork.shortId() + "@example.org", null,
						LocalDate.of(1990, 1, 1)));
	}

}
