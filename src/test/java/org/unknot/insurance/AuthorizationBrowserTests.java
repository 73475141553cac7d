package org.unknot.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.patient.PatientId;

/**
 * The front desk at a 1024 px screen: the authorizations running low, and a move past an
 * authorization's dates refused for the payer with the choice of self-pay beside it. axe
 * finds nothing on either page.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class AuthorizationBrowserTests {

	static final String PASSWORD = "a long staff passphrase";

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final int WIDTH = 1024;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	Authorizations authorizations;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	Patients patients;

	@Autowired
	VisitBooking visits;

	String clinic;

	String therapist;

	String plan;

	PatientDetails patient;

	UUID patientId;

	@BeforeEach
	void aClinicAPlanAndAPatient() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		plan = AuthorizationTests.planCoveringMassage(insurance, "Pine Barrens Health");
		patient = new PatientDetails("Wren", "Calloway", "wren." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1968, 5, 9));
		patientId = patients.identify(patient);
	}

	@Test
	void theDeskSeesAnAuthorizationWithFewVisitsLeft(Visitor visitor) {
		String reference = "LOW-" + TestNetwork.shortId();
		authorizations.record(PatientId.of(patientId), new Authorizations.Terms(plan, reference, 2,
				MONDAY.minusYears(1), MONDAY.plusDays(90), List.of(TestNetwork.MASSAGE), List.of()));
		// a desk lists the patients of its own clinics: those with a visit there
		visits.book(massageAt(MONDAY), null, new VisitAnswers(patient, Payer.SELF_PAY, null, Advice.NOT_GIVEN),
				BookedBy.PATIENT);
		Page page = signedInAtTheDesk(visitor);

		page.navigate(visitor.baseUrl() + "/staff/authorizations");

		var row = page.locator("tr", new Page.LocatorOptions().setHasText(reference));
		assertThat(row.textContent()).contains("Wren Calloway").contains("2 of 2");
		assertThat(row.getByRole(AriaRole.LINK).textContent()).isEqualTo("Wren Calloway");
		visitor.check(page, "authorizations-running-low-1024");
	}

	@Test
	void aMovePastTheAuthorizationsDatesOffersSelfPayAndMovesWithIt(Visitor visitor) {
		authorizations.record(PatientId.of(patientId), new Authorizations.Terms(plan, "WIN-" + TestNetwork.shortId(), 6,
				MONDAY.minusDays(7), MONDAY.plusDays(6), List.of(TestNetwork.MASSAGE), List.of()));
		Booked booked = visits.book(massageAt(MONDAY), null,
				new VisitAnswers(patient, Payer.plan(plan, "PBH123456"), null, Advice.NOT_GIVEN), BookedBy.PATIENT);
		String slot = LocalDateTime.of(MONDAY.plusDays(8), LocalTime.of(10, 0)).atZone(NEW_YORK).toOffsetDateTime()
				+ "|" + therapist;
		Page page = signedInAtTheDesk(visitor);

		page.navigate(visitor.baseUrl() + "/staff/visits/" + booked.appointment().id() + "/move/confirm?slot="
				+ java.net.URLEncoder.encode(slot, java.nio.charset.StandardCharsets.UTF_8));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, move the visit")).click();

		assertThat(page.locator("#selfPay-error").textContent()).contains("outside those dates").contains("self-pay");
		visitor.check(page, "move-not-covered-1024");
		page.getByLabel("The patient pays for this visit (self-pay)").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, move the visit")).click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent()).startsWith("Moved to Tue, Mar 23, 10:00 AM EDT");
		assertThat(authorizations.of(PatientId.of(patientId)).get(0).used()).isZero();
	}

	private Page signedInAtTheDesk(Visitor visitor) {
		Account desk = accounts.create(new AccountDesk.NewAccount("desk-" + UUID.randomUUID() + "@unknot.example",
				"Sam Desk", Role.FRONT_DESK, List.of(clinic), null, null, PASSWORD));
		Page page = visitor.open("/sign-in", Visitor.JS_ON, WIDTH);
		BrowserSignIn.enrol(visitor, page, desk, PASSWORD);
		return page;
	}

	private SlotRequest massageAt(LocalDate day) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(NEW_YORK).toInstant());
	}

}
