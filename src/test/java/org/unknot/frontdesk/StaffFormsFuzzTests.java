package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.FormFuzzer;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.HttpSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Property: every form of the staff workspace (the day's calendar and its visit buttons,
 * blocking time, moving a visit, booking for a caller, opening a record, the session
 * note), on this test's own clinic and visits, answers bent input with a page or a
 * redirect, never a server error. Signing out is left alone.
 */
@UnknotIntegrationTest
class StaffFormsFuzzTests {

	private static final String PASSWORD = "staff fuzz passphrase";

	private static final int ROUNDS = Integer.getInteger("unknot.fuzz.rounds", 8);

	private static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	private final FormFuzzer fuzz = new FormFuzzer(20_261_127L);

	@Test
	void noBentStaffFormGetsAServerError() {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		List<String> mine = new ArrayList<>(List.of("/staff/block", "/staff/book"));
		List<Booked> visits = new ArrayList<>();
		for (int hour : new int[] { 9, 11, 13, 15 }) {
			Booked visit = book(therapist, clinic, hour);
			visits.add(visit);
			mine.add(visit.appointment().id().toString());
			mine.add(visit.appointment().patientId().toString());
		}
		FlowClient frontDesk = HttpSignIn.as(port, staff(Role.FRONT_DESK, List.of(clinic), null), PASSWORD);
		FlowClient practitioner = HttpSignIn.as(port, staff(Role.PRACTITIONER, List.of(), therapist), PASSWORD);
		String first = visits.get(0).appointment().id().toString();

		fuzz.bendPages(frontDesk, action -> postable(action, mine), ROUNDS,
				"/staff/calendar?clinic=" + clinic + "&date=" + MONDAY,
				"/staff/calendar?clinic=" + clinic + "&date=" + MONDAY + "&view=week", "/staff/waitlist",
				"/staff/visits/" + first + "/move?date=" + MONDAY.plusDays(1),
				"/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date=" + MONDAY.plusDays(2),
				"/staff/patients/" + visits.get(1).appointment().patientId(),
				"/staff/patients/" + visits.get(1).appointment().patientId() + "/superbills");
		int deskForms = fuzz.judged();
		fuzz.bendPages(practitioner, action -> postable(action, mine), ROUNDS * 3,
				"/staff/visits/" + first + "/session", "/staff/visits/" + visits.get(2).appointment().id() + "/session",
				"/staff/my-day?date=" + MONDAY);

		assertThat(deskForms).as("bent front desk forms").isGreaterThanOrEqualTo(6 * ROUNDS);
		fuzz.assertHeld(6 * ROUNDS + 2 * 3 * ROUNDS);
	}

	private static boolean postable(String action, List<String> mine) {
		return mine.contains(action) || FormFuzzer.names(action, mine);
	}

	private Account staff(Role role, List<String> clinics, String practitionerId) {
		return accounts.create(new AccountDesk.NewAccount("fuzz-" + UUID.randomUUID() + "@unknot.example",
				"Fuzz " + role, role, clinics, practitionerId, null, PASSWORD));
	}

	private Booked book(String therapist, String clinic, int hour) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(hour, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Fuzz", "Caller", "fuzz-" + UUID.randomUUID() + "@example.org",
						"(973) 555-0100", LocalDate.of(1984, 4, 4)));
	}

}
