package org.unknot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.billing.Superbill;
import org.unknot.billing.Superbills;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Npi;

/**
 * The demo gives its patient a superbill worth looking at: attended visits of several
 * kinds with real-looking identifiers, and the missed and cancelled ones left out.
 */
@UnknotIntegrationTest
class DemoBillingTests {

	@Autowired
	DemoNetwork demo;

	@Autowired
	DemoCare care;

	@Autowired
	DemoBilling billing;

	@Autowired
	Superbills superbills;

	@Autowired
	Patients patients;

	@Autowired
	Clock clock;

	@Test
	void givesTheDemoPatientASuperbillOfTheirAttendedVisits() {
		demo.loadUnlessPresent();
		// a patient of the demo's making, so that the demo patient stays for the test
		// that books their course
		UUID patient = patients.identify(new PatientDetails("Jordan", "Ellis",
				"superbill-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1988, 5, 17)));
		care.load(patient);
		billing.load(patient);
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoClinics.ZONE)));

		Superbills.Issued issued = superbills.forSpan(
				new Superbills.Asker(new SignedIn(UUID.randomUUID(), "demo@example.org", "Jordan Ellis", Role.PATIENT,
						List.of(), null, patient), "127.0.0.1"),
				patient, today.minusWeeks(10), today, Superbills.Use.READ);

		assertThat(issued.bills()).singleElement().satisfies(bill -> {
			assertThat(bill.clinic().name()).isEqualTo("Unknot Montclair");
			assertThat(bill.clinic().taxId()).isEqualTo("00-4210701");
			assertThat(bill.lines())
				.extracting(line -> line.code() + " " + line.modifiersInWords() + " x" + line.units() + " at "
						+ line.place().code())
				// the plan's Wednesdays and the other visits interleave differently by
				// the weekday the demo loads on
				.as("the plan's visits done (Wednesdays) among the others")
				.containsExactlyInAnyOrder("97124  x3 at 11", "99203  x1 at 11", "97140  x4 at 11", "97124  x4 at 11",
						"99213 95 x1 at 10", "97124  x4 at 11", "97124  x4 at 11", "97124  x4 at 11");
			assertThat(bill.diagnoses()).extracting(Superbill.Diagnosis::code)
				.containsExactly("M54.6", "M54.2", "M62.830");
			assertThat(bill.lines()).allSatisfy(line -> {
				assertThat(Npi.valid(line.practitioner().npi())).isTrue();
				assertThat(line.practitioner().taxonomy()).isIn("225700000X", "208VP0014X");
				assertThat(line.pointers()).isEqualTo("ABC");
			});
		});
	}

}
