package org.unknot.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.unknot.SignedInAs.admin;
import static org.unknot.SignedInAs.frontDeskOf;
import static org.unknot.SignedInAs.signedIn;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.audit.AuditEntry;
import org.unknot.audit.AuditLog;
import org.unknot.care.Assessments;
import org.unknot.catalog.ServiceId;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.insurance.MemberId;
import org.unknot.insurance.PayerKind;
import org.unknot.care.BodyRegion;
import org.unknot.care.SessionNotes;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * Superbills as the patient and the staff get them: only attended self-pay visits, CPT
 * units from the minutes treated, the assessment's diagnoses, the identifiers a claim
 * needs, a PDF, and nobody else's.
 */
@UnknotIntegrationTest
class SuperbillPagesTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final String MASSAGE = "t-bill-massage-60";

	static final String VIDEO = "t-bill-video-follow-up";

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patients patients;

	@Autowired
	Assessments assessments;

	@Autowired
	SessionNotes notes;

	@Autowired
	AuditLog audit;

	@Autowired
	InsuranceAdmin insurancePlans;

	@Autowired
	InsuranceChoices insurance;

	@Autowired
	org.unknot.payment.Cashier cashier;

	MockMvc mvc;

	String clinic;

	String therapist;

	UUID patient;

	UUID attended;

	UUID otherPatient;

	UUID othersVisit;

	@BeforeEach
	void aPatientWithAttendedCancelledAndMissedVisits() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		services();
		clinic = network.clinic(0, 0, 0);
		jdbc.sql("UPDATE clinic SET tax_id = '90-1234567' WHERE id = ?").param(clinic).update();
		therapist = network.therapist();
		jdbc.sql("UPDATE practitioner SET npi = '1245183078', taxonomy_code = '225700000X' WHERE id = ?")
			.param(therapist)
			.update();
		patient = patient("Iris", "Vale");
		attended = visit(patient, MASSAGE, clinic, MONDAY.atTime(10, 0), 60, "fulfilled");
		visit(patient, MASSAGE, clinic, MONDAY.plusDays(1).atTime(10, 0), 60, "cancelled");
		visit(patient, MASSAGE, clinic, MONDAY.plusDays(2).atTime(10, 0), 60, "noshow");
		visit(patient, MASSAGE, clinic, MONDAY.plusDays(3).atTime(10, 0), 60, "booked");
		assessments.record(
				new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(therapist),
						"Stiff neck after long days at a desk", Set.of(BodyRegion.NECK), null, true, Set.of(), null,
						null, null, null, null, List.of("M54.2"), null),
				new SessionNotes.Actor("system:test", "SYSTEM", null));
		otherPatient = patient("Otto", "Berg");
		othersVisit = visit(otherPatient, MASSAGE, clinic, MONDAY.atTime(14, 0), 60, "fulfilled");
	}

	@Nested
	class ThePatient {

		@Test
		void seesOnlyTheAttendedVisitWithCodesUnitsDiagnosesAndIdentifiers() throws Exception {
			String page = page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
					asPatient(patient));

			assertThat(page).contains("97124")
				.contains("M54.2")
				.contains("Cervicalgia")
				.contains("1245183078")
				.contains("225700000X")
				.contains("90-1234567")
				.contains("03/15/2027")
				.contains("$110")
				.doesNotContain("03/16/2027")
				.doesNotContain("03/17/2027")
				.doesNotContain("03/18/2027")
				.doesNotContain("Otto");
			assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124||A|4|$110");
		}

		@Test
		void findsNoVisitThatWasBilledToAPlan() throws Exception {
			String plan = insurancePlans.add(new InsuranceAdmin.PlanTerms("Superbill plan " + TestNetwork.shortId(),
					PayerKind.COMMERCIAL, "Member ID", "[A-Z0-9]{4,20}"));
			UUID planned = visit(patient, MASSAGE, clinic, MONDAY.plusDays(7).atTime(10, 0), 60, "fulfilled");
			insurance.record(planned, new InsuranceChoice(plan, new MemberId("ABC12345"), true));
			UUID selfPay = visit(patient, MASSAGE, clinic, MONDAY.plusDays(8).atTime(10, 0), 60, "fulfilled");
			insurance.record(selfPay, InsuranceChoice.SELF_PAY);

			String page = page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
					asPatient(patient));

			assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124||A|4|$110", "03/23/2027|11|97124||A|4|$110");
		}

		@Test
		void listsTheFeeEachVisitWasBookedAtWhateverTheCatalogSaysLater() throws Exception {
			// as every booking does
			cashier.booked(attended, PatientId.of(patient), ServiceId.of(MASSAGE), false);
			jdbc.sql("UPDATE care_service SET price_cents = 12500 WHERE id = ?").param(MASSAGE).update();
			try {
				UUID bookedAfterTheChange = visit(patient, MASSAGE, clinic, MONDAY.plusDays(9).atTime(10, 0), 60,
						"fulfilled");
				cashier.booked(bookedAfterTheChange, PatientId.of(patient), ServiceId.of(MASSAGE), false);

				String page = page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
						asPatient(patient));

				assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124||A|4|$110",
						"03/24/2027|11|97124||A|4|$125");
			}
			finally {
				jdbc.sql("UPDATE care_service SET price_cents = 11000 WHERE id = ?").param(MASSAGE).update();
			}
		}

		@Test
		void billsTheMinutesRecordedInTheSessionByTheEightMinuteRule() throws Exception {
			jdbc.sql("INSERT INTO session_note (appointment_id, practitioner_id, patient_id, written_at, updated_at, "
					+ "minutes_treated) VALUES (?, ?, ?, now(), now(), 22)")
				.params(attended, therapist, patient)
				.update();

			String page = page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
					asPatient(patient));

			assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124||A|1|$110");
		}

		@Test
		void downloadsThePdfAndTheDownloadIsAudited() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(get("/account/superbills/download").param("from", "2027-03-01")
					.param("to", "2027-03-31")
					.with(asPatient(patient)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentType()).isEqualTo("application/pdf");
			assertThat(response.getHeader("Content-Disposition")).contains("superbill-2027-03-01-to-2027-03-31.pdf");
			assertThat(text(response.getContentAsByteArray())).contains("97124")
				.contains("M54.2")
				.contains("1245183078")
				.contains("225700000X")
				.contains("90-1234567")
				.contains("03/15/2027")
				.contains("$110")
				.doesNotContain("03/16/2027");
			assertThat(audit.entriesOf(patient)).map(AuditEntry::event)
				.anySatisfy(event -> assertThat(event.action() + " " + event.subject()).isEqualTo("EXPORT superbill"));
		}

		@Test
		void findsALinkToTheSuperbillOfEachAttendedVisitInThePortal() throws Exception {
			UUID past = visit(patient, MASSAGE, clinic, LocalDate.now(NEW_YORK).minusWeeks(3).atTime(10, 0), 60,
					"fulfilled");
			visit(patient, MASSAGE, clinic, LocalDate.now(NEW_YORK).minusWeeks(2).atTime(10, 0), 60, "noshow");

			String portal = page(get("/account"), asPatient(patient));

			assertThat(portal).contains("/account/superbills?visit=" + past)
				.containsOnlyOnce("/account/superbills?visit=");
		}

		@Test
		void getsTheSuperbillOfOneAttendedVisit() throws Exception {
			String page = page(get("/account/superbills").param("visit", attended.toString()), asPatient(patient));

			assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124||A|4|$110");
		}

		@Test
		void isRefusedABackwardSpanWithTheMessageBesideTheFieldAndTheDatesKept() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(get("/account/superbills").param("from", "2027-03-31")
					.param("to", "2027-03-01")
					.with(asPatient(patient)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("The last day comes on or after the first.")
				.contains("value=\"2027-03-31\"");
		}

		@Test
		void isRefusedADateThatIsNoDate() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(get("/account/superbills/download").param("from", "March")
					.param("to", "2027-03-01")
					.with(asPatient(patient)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("Enter a date like 2027-03-15.");
		}

	}

	@Nested
	class TheSessionPage {

		@Test
		void takesTheMinutesTreatedThatTheSuperbillThenBills() throws Exception {
			MockHttpServletResponse saved = mvc
				.perform(post("/staff/visits/{id}/session", attended).with(csrf())
					.with(signedIn(Role.PRACTITIONER, therapist, null))
					.param("painBefore", "6")
					.param("painAfter", "3")
					.param("minutesTreated", "38")
					.param("note", "Upper trapezius released"))
				.andReturn()
				.getResponse();

			assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
			assertThat(linesOf(page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
					asPatient(patient))))
				.containsExactly("03/15/2027|11|97124||A|3|$110");
		}

		@Test
		void refusesMinutesNoOneTreatsBesideTheFieldKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = mvc
				.perform(post("/staff/visits/{id}/session", attended).with(csrf())
					.with(signedIn(Role.PRACTITIONER, therapist, null))
					.param("minutesTreated", "900"))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"minutesTreated-error\"").contains("value=\"900\"");
		}

	}

	@Nested
	class AnotherPatient {

		@Test
		void cannotGetTheSuperbillOfSomeoneElsesVisit() throws Exception {
			assertThat(status(get("/account/superbills").param("visit", attended.toString()), asPatient(otherPatient)))
				.isEqualTo(404);
			assertThat(status(get("/account/superbills/download").param("visit", attended.toString()),
					asPatient(otherPatient)))
				.isEqualTo(404);
		}

		@Test
		void cannotOpenTheStaffSuperbillOfAPatient() throws Exception {
			assertThat(status(get("/staff/patients/{id}/superbills", patient), asPatient(otherPatient))).isEqualTo(403);
		}

		@Test
		void seesOnlyTheirOwnVisits() throws Exception {
			String page = page(get("/account/superbills").param("from", "2027-03-01").param("to", "2027-03-31"),
					asPatient(otherPatient));

			assertThat(page).contains("Otto Berg").doesNotContain("Iris").doesNotContain("M54.2");
			assertThat(linesOf(page)).containsExactly("03/15/2027|11|97124|||4|$110");
		}

	}

	@Nested
	class Staff {

		@Test
		void theFrontDeskOfThePatientsClinicGetsThePdf() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(get("/staff/patients/{id}/superbills/download", patient).param("from", "2027-03-01")
					.param("to", "2027-03-31")
					.with(frontDeskOf(clinic)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(text(response.getContentAsByteArray())).contains("97124").contains("Iris Vale");
		}

		@Test
		void theFrontDeskOfAnotherClinicAndPractitionersAreRefused() throws Exception {
			assertThat(status(get("/staff/patients/{id}/superbills", patient), frontDeskOf("some-other-clinic")))
				.isEqualTo(403);
			assertThat(status(get("/staff/patients/{id}/superbills", patient),
					signedIn(Role.PRACTITIONER, therapist, null)))
				.isEqualTo(403);
		}

		@Test
		void anUnknownPatientIsNotFound() throws Exception {
			assertThat(status(get("/staff/patients/{id}/superbills", UUID.randomUUID()), admin())).isEqualTo(404);
		}

		@Test
		void aVideoVisitIsPlaceOfServiceTenWithModifier95UntilTheDeskSaysThePatientWasElsewhere() throws Exception {
			UUID video = visit(patient, VIDEO, null, MONDAY.plusDays(7).atTime(9, 0), 30, "fulfilled");
			var span = get("/staff/patients/{id}/superbills", patient).param("from", "2027-03-01")
				.param("to", "2027-03-31");

			assertThat(linesOf(page(span, admin()))).contains("03/22/2027|10|99213|95|A|1|$140");

			MockHttpServletResponse saved = mvc
				.perform(post("/staff/patients/{id}/superbills/video-place", patient).with(csrf())
					.with(admin())
					.param("visit", video.toString())
					.param("place", "elsewhere")
					.param("from", "2027-03-01")
					.param("to", "2027-03-31"))
				.andReturn()
				.getResponse();

			assertThat(saved.getStatus()).isEqualTo(302);
			assertThat(linesOf(page(span, admin()))).contains("03/22/2027|02|99213|95|A|1|$140");
		}

		@Test
		void aPlaceThatIsNeitherHomeNorElsewhereIsRefusedBesideTheField() throws Exception {
			UUID video = visit(patient, VIDEO, null, MONDAY.plusDays(7).atTime(9, 0), 30, "fulfilled");

			MockHttpServletResponse refused = mvc
				.perform(post("/staff/patients/{id}/superbills/video-place", patient).with(csrf())
					.with(admin())
					.param("visit", video.toString())
					.param("place", "moon")
					.param("from", "2027-03-01")
					.param("to", "2027-03-31"))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Choose home or elsewhere.");
		}

	}

	/**
	 * Each line of the services table as "date|POS|CPT|modifiers|pointers|units|charge".
	 */
	static List<String> linesOf(String page) {
		List<String> lines = new ArrayList<>();
		Matcher row = Pattern.compile("<tr class=\"claim-line\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
			while (cell.find()) {
				cells.add(cell.group(1).replaceAll("(?s)<form.*?</form>", "").replaceAll("<[^>]+>", "").strip());
			}
			cells.set(1, cells.get(1).substring(0, 2));
			lines.add(String.join("|", cells.subList(0, 7)).replace("&#36;", "$"));
		}
		return lines;
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
	}

	private static RequestPostProcessor asPatient(UUID patientId) {
		return signedIn(Role.PATIENT, null, patientId);
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private UUID patient(String given, String family) {
		return patients.identify(new PatientDetails(given, family,
				given.toLowerCase() + "-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1982, 2, 3)));
	}

	private UUID visit(UUID patientId, String service, String clinicId, java.time.LocalDateTime start, int minutes,
			String status) {
		UUID id = UUID.randomUUID();
		OffsetDateTime from = start.atZone(NEW_YORK).toOffsetDateTime();
		OffsetDateTime to = from.plusMinutes(minutes);
		jdbc.sql(
				"""
						INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, patient_id, start_at, end_at,
						    blocked_from, blocked_to)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, status, service, therapist, clinicId, patientId, from, to, from, to)
			.update();
		return id;
	}

	private void services() {
		jdbc.sql("""
				INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
				    buffer_after_minutes, room_kind, in_person, virtual, price_cents, billing_codes,
				    prerequisite_category, min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
				VALUES
				 ('t-bill-massage-60', 'Billed massage, 60 minutes', 'MASSAGE', 'test', 60, 0, 0, NULL, true, false,
				  11000, '{97124}', NULL, 60, 400, 15, '{LMT}'),
				 ('t-bill-video-follow-up', 'Billed video follow-up', 'CONSULTATION', 'test', 30, 0, 0, NULL, false,
				  true, 14000, '{99213,99214}', NULL, 60, 400, 15, '{LMT}')
				ON CONFLICT (id) DO NOTHING""").update();
	}

}
