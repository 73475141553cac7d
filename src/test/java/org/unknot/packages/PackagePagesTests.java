package org.unknot.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.PayerKind;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.system.Money;

/**
 * The pages of packages and authorizations, over HTTP: admins define packages, patients
 * buy and see theirs, the desk sells them and records authorizations; refusals are 422
 * with the message beside the field and what was typed kept.
 */
@UnknotIntegrationTest
class PackagePagesTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PackageAdmin admin;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CarePackages packages;

	@Autowired
	Authorizations authorizations;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	Patients patients;

	@Autowired
	VisitBooking visits;

	MockMvc mvc;

	UUID patientId;

	String name;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		new TestNetwork(jdbc);
		patientId = patients.identify(new PatientDetails("Noor", "Haddad", "noor." + UUID.randomUUID() + "@example.org",
				null, LocalDate.of(1988, 4, 14)));
		name = "6 x massage " + TestNetwork.shortId();
	}

	@Nested
	class AnAdmin {

		@Test
		void definesAPackageThatGoesOnSale() throws Exception {
			MockHttpServletResponse defined = definePackage("$540.00", "6");

			assertThat(defined.getStatus()).as(defined.getContentAsString()).isEqualTo(302);
			String id = defined.getRedirectedUrl().substring("/admin/packages/".length());
			CarePackage offered = packages.get("package", id);
			assertThat(offered.price()).isEqualTo(Money.usd(54000));
			assertThat(offered.serviceIds()).containsExactly(TestNetwork.MASSAGE);
			assertThat(page(get("/admin/packages").with(SignedInAs.admin()))).contains(name).contains("$540");
		}

		@Test
		void isToldBesideTheFieldWhatIsWrongAndKeepsWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = definePackage("5.999", "0");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"price-error\"")
				.contains("id=\"credits-error\"")
				.contains("value=\"5.999\"")
				.contains("value=\"" + name + "\"");
		}

	}

	@Nested
	class APatient {

		@Test
		void buysAPackageToPayAtTheClinicAndSeesItsVisitsLeft() throws Exception {
			String id = admin.define(terms());

			MockHttpServletResponse bought = mvc
				.perform(post("/account/packages").with(csrf())
					.with(SignedInAs.signedIn(Role.PATIENT, null, patientId))
					.param("package", id))
				.andReturn()
				.getResponse();

			assertThat(bought.getStatus()).isEqualTo(302);
			assertThat(ledger.holdings(PatientId.of(patientId))).singleElement()
				.satisfies(holding -> assertThat(holding.owed()).isTrue());
			assertThat(page(get("/account/packages").with(SignedInAs.signedIn(Role.PATIENT, null, patientId))))
				.contains(name)
				.contains("6 visits left")
				.contains("valid until ")
				.contains("To pay at the clinic: $540");
		}

		@Test
		void choosingNoPackageIsToldSoBesideTheChoice() throws Exception {
			admin.define(terms());

			MockHttpServletResponse refused = mvc
				.perform(post("/account/packages").with(csrf())
					.with(SignedInAs.signedIn(Role.PATIENT, null, patientId))
					.param("package", "no-such-package"))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"package-error\"");
			assertThat(ledger.holdings(PatientId.of(patientId))).isEmpty();
		}

	}

	@Nested
	class TheDesk {

		@Test
		void sellsAPackageForCashOnThePatientsPage() throws Exception {
			String id = admin.define(terms());

			MockHttpServletResponse sold = mvc
				.perform(post("/staff/patients/" + patientId + "/packages").with(csrf())
					.with(SignedInAs.admin())
					.param("package", id)
					.param("paidHow", "CASH"))
				.andReturn()
				.getResponse();

			assertThat(sold.getStatus()).isEqualTo(302);
			assertThat(ledger.holdings(PatientId.of(patientId))).singleElement()
				.satisfies(holding -> assertThat(holding.paidHow()).isEqualTo(PaidHow.CASH));
			assertThat(page(get("/staff/patients/" + patientId + "/packages").with(SignedInAs.admin()))).contains(name)
				.contains("Cash");
		}

		@Test
		void isAskedHowItWasPaidBesideTheField() throws Exception {
			String id = admin.define(terms());

			MockHttpServletResponse refused = mvc
				.perform(post("/staff/patients/" + patientId + "/packages").with(csrf())
					.with(SignedInAs.admin())
					.param("package", id))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"paidHow-error\"");
			assertThat(ledger.holdings(PatientId.of(patientId))).isEmpty();
		}

		@Test
		void recordsAnAuthorizationAndSeesItRunningLow() throws Exception {
			String plan = insurance.add(new InsuranceAdmin.PlanTerms("Shore Mutual " + TestNetwork.shortId(),
					PayerKind.COMMERCIAL, "Member ID", "[A-Z0-9]{6,12}"));
			String reference = "PT-" + TestNetwork.shortId();
			LocalDate today = LocalDate.now();

			MockHttpServletResponse recorded = mvc
				.perform(post("/staff/patients/" + patientId + "/authorizations").with(csrf())
					.with(SignedInAs.admin())
					.param("planId", plan)
					.param("reference", reference)
					.param("visits", "2")
					.param("firstDay", today.minusDays(3).toString())
					.param("lastDay", today.plusDays(60).toString())
					.param("services", TestNetwork.MASSAGE))
				.andReturn()
				.getResponse();

			assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
			assertThat(authorizations.of(PatientId.of(patientId))).singleElement()
				.satisfies(authorization -> assertThat(authorization.visits()).isEqualTo(2));
			assertThat(page(get("/staff/authorizations").with(SignedInAs.admin()))).contains(reference)
				.contains("Noor Haddad")
				.contains("2 of 2");
		}

		@Test
		void ofOneClinicSeesOnlyItsOwnPatientsAuthorizationsRunningLowAndAnAdminSeesAll() throws Exception {
			TestNetwork network = new TestNetwork(jdbc);
			String ours = network.clinic(1, 0, 0);
			String theirs = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, ours).weekdays(therapist, theirs);
			PatientDetails elsewhere = new PatientDetails("Ines", "Varga", "ines." + UUID.randomUUID() + "@example.org",
					null, LocalDate.of(1975, 9, 3));
			UUID elsewhereId = patients.identify(elsewhere);
			visits.book(massage(therapist, ours, 10), null, VisitAnswers.selfPay(patients.get(patientId).details()),
					BookedBy.PATIENT);
			visits.book(massage(therapist, theirs, 12), null, VisitAnswers.selfPay(elsewhere), BookedBy.PATIENT);
			String plan = insurance.add(new InsuranceAdmin.PlanTerms("Shore Mutual " + TestNetwork.shortId(),
					PayerKind.COMMERCIAL, "Member ID", "[A-Z0-9]{6,12}"));
			String ourReference = authorize(plan, patientId);
			String theirReference = authorize(plan, elsewhereId);

			assertThat(page(get("/staff/authorizations").with(SignedInAs.frontDeskOf(ours)))).contains(ourReference)
				.contains("Noor Haddad")
				.doesNotContain(theirReference)
				.doesNotContain("Ines Varga");
			assertThat(page(get("/staff/authorizations").with(SignedInAs.frontDeskOf(theirs)))).contains(theirReference)
				.doesNotContain(ourReference);
			assertThat(page(get("/staff/authorizations").with(SignedInAs.admin()))).contains(ourReference)
				.contains(theirReference);
		}

		private String authorize(String plan, UUID patient) {
			String reference = "PT-" + TestNetwork.shortId();
			LocalDate today = LocalDate.now();
			authorizations.record(org.unknot.patient.PatientId.of(patient), new Authorizations.Terms(plan, reference, 2,
					today.minusDays(3), today.plusDays(60), List.of(TestNetwork.MASSAGE), List.of()));
			return reference;
		}

		private SlotRequest massage(String therapist, String clinic, int hour) {
			return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
					LocationId.of(clinic),
					LocalDateTime.of(LocalDate.of(2027, 3, 15), LocalTime.of(hour, 0))
						.atZone(ZoneId.of(TestNetwork.ZONE))
						.toInstant());
		}

		@Test
		void refusesAnAuthorizationWithTheMessagesBesideTheFields() throws Exception {
			MockHttpServletResponse refused = mvc
				.perform(post("/staff/patients/" + patientId + "/authorizations").with(csrf())
					.with(SignedInAs.admin())
					.param("reference", "REF-1")
					.param("visits", "twelve")
					.param("firstDay", "2027-04-30")
					.param("lastDay", "2027-01-04"))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"planId-error\"")
				.contains("id=\"visits-error\"")
				.contains("id=\"lastDay-error\"")
				.contains("id=\"services-error\"")
				.contains("value=\"twelve\"");
			assertThat(authorizations.of(PatientId.of(patientId))).isEmpty();
		}

	}

	private PackageAdmin.Terms terms() {
		return new PackageAdmin.Terms(name, Money.usd(54000), List.of(TestNetwork.MASSAGE), 6, 180);
	}

	private MockHttpServletResponse definePackage(String price, String credits) throws Exception {
		return mvc
			.perform(post("/admin/packages").with(csrf())
				.with(SignedInAs.admin())
				.param("name", name)
				.param("price", price)
				.param("credits", credits)
				.param("validDays", "180")
				.param("services", TestNetwork.MASSAGE))
			.andReturn()
			.getResponse();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

}
