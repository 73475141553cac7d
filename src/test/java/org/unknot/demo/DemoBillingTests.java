package org.unknot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.billing.Superbill;
import org.unknot.billing.Superbills;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Npi;
import org.unknot.patient.PatientId;

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

	@Autowired
	JdbcClient jdbc;

	static UUID billed;

	/**
	 * The demo patient's past visits, column by column but the ids and times, as
	 * {@link #PAST_COLUMNS} reads them: the plan's three and the others.
	 */
	static final List<String> PAST_VISITS = List.of(
			"cancelled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM patient 60 min",
			"fulfilled myofascial-release-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"fulfilled pain-consultation anjali-mehta montclair montclair-consulting-1 CONSULTING_ROOM 45 min",
			"fulfilled pain-follow-up anjali-mehta video 30 min",
			"fulfilled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"fulfilled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"fulfilled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"fulfilled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"fulfilled swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min",
			"noshow swedish-60 ana-ribeiro montclair montclair-massage-1 MASSAGE_ROOM 60 min");

	/** A past visit's columns but its id and times, one string a visit, sorted by it. */
	static final String PAST_COLUMNS = """
			SELECT concat_ws(' ', status, service_id, practitioner_id, coalesce(clinic_id, 'video'), room_id,
			    room_kind, cancellation_reason, extract(epoch FROM end_at - start_at)::int / 60 || ' min')
			FROM appointment WHERE patient_id = ? AND start_at < ? ORDER BY 1""";

	@Test
	void givesTheDemoPatientASuperbillOfTheirAttendedVisits() {
		UUID patient = billedPatient();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoClinics.ZONE)));

		Superbills.Issued issued = superbills.forSpan(
				new Superbills.Asker(new SignedIn(UUID.randomUUID(), "demo@example.org", "Jordan Ellis", Role.PATIENT,
						List.of(), null, patient), "127.0.0.1"),
				PatientId.of(patient), today.minusWeeks(10), today, Superbills.Use.READ);

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

	/**
	 * Every column of the past visits the demo writes for its patient, but the ids and
	 * the times (which move with the day the demo loads): as the desk would have left
	 * them, one row each, the same however the writing is arranged.
	 */
	@Test
	void writesThePastVisitsAsTheDeskWouldHaveLeftThem() {
		UUID patient = billedPatient();

		List<String> past = jdbc.sql(PAST_COLUMNS)
			.params(patient, Timestamp.from(clock.instant()))
			.query(String.class)
			.list();
		List<String> asBooked = jdbc.sql("""
				SELECT DISTINCT concat_ws(' ', sequence, series_id, hold_expires_at, manage_token_hash,
				    blocked_from = start_at AND blocked_to = end_at)
				FROM appointment WHERE patient_id = ? AND start_at < now()""")
			.param(patient)
			.query(String.class)
			.list();

		assertThat(past).containsExactlyElementsOf(PAST_VISITS);
		assertThat(asBooked).as("first version, no series, hold or link; blocked for the visit alone")
			.containsExactly("0 t");
	}

	/**
	 * A patient of the demo's making, so that the demo patient stays for the test that
	 * books their course; once, as the visits are written at set times.
	 */
	private UUID billedPatient() {
		synchronized (DemoBillingTests.class) {
			if (billed == null) {
				demo.loadUnlessPresent();
				billed = patients.identify(new PatientDetails("Jordan", "Ellis",
						"superbill-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1988, 5, 17)));
				care.load(billed);
				billing.load(billed);
			}
			return billed;
		}
	}

}
