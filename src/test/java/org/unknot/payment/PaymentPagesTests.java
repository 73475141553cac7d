package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.booking.AppointmentMarkedNoShow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PaidService;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.Money;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * Paying at the clinic, through the pages: the policy an admin sets shows on the service
 * page; a booking owes its deposit; the front desk takes payments at checkout (bad
 * amounts refused beside the field, what was typed kept) and waives fees only with a
 * reason; the receipt and statement are PDFs for staff and for the patient, and nobody
 * else.
 */
@UnknotIntegrationTest
class PaymentPagesTests {

	static final String SERVICE = "t-pay-massage-60";

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VisitBooking booking;

	@Autowired
	PaymentPolicies policies;

	@Autowired
	Ledger ledger;

	@Autowired
	org.unknot.practitioner.Practitioners practitioners;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	MockMvc mvc;

	String clinic;

	String therapist;

	@BeforeEach
	void aClinicWithAPaidMassage() {
		mvc = SecuredMockMvc.of(context);
		PaidService paid = PaidService.offered(jdbc, policies, SERVICE, "Test paid massage, 60 minutes", 12000, 3000);
		clinic = paid.clinic();
		therapist = paid.therapist();
	}

	@Test
	void showsThePolicyInWordsOnTheServicePage() throws Exception {
		String page = mvc.perform(get("/services/{id}", SERVICE)).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("A deposit of $30 is due when you book; the rest, $90, at the visit.")
			.contains("Cancelling less than 24 hours before the visit costs a late-cancellation fee of $40.")
			.contains("no-show fee of $60");
	}

	@Test
	void refusesABadAmountAtCheckoutBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
		Booked visit = book("Wren", 10);

		for (String typed : new String[] { "ten dollars", "-4", "30.001", "31", "" }) {
			MockHttpServletResponse refused = mvc
				.perform(post("/staff/visits/{id}/checkout", visit.appointment().id()).param("amount", typed)
					.param("method", "CASH")
					.param("direction", "pay")
					.with(csrf())
					.with(SignedInAs.frontDeskOf(clinic)))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).as(typed).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"amount-error\"")
				.contains("value=\"" + typed + "\"");
		}
		assertThat(Balance.of(ledger.ofVisit(visit.appointment().id())).owed()).isEqualTo(Money.usd(3000));
	}

	@Test
	void takesTheDepositAtCheckoutWithAReceiptThePatientAndStaffCanDownload() throws Exception {
		Booked visit = book("Juno", 11);
		UUID id = visit.appointment().id();
		UUID patient = visit.appointment().patientId().value();

		String checkout = page(get("/staff/visits/{id}/checkout", id), SignedInAs.frontDeskOf(clinic));
		assertThat(checkout).contains("Juno Payer").contains("$30");

		MockHttpServletResponse paid = mvc
			.perform(post("/staff/visits/{id}/checkout", id).param("amount", "30")
				.param("method", "CARD_TERMINAL")
				.param("direction", "pay")
				.with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();
		assertThat(paid.getStatus()).isEqualTo(302);
		LedgerEntry payment = ledger.ofVisit(id).stream().filter(LedgerEntry::movesMoney).findFirst().orElseThrow();

		String staffReceipt = pdfText(get("/staff/receipts/{id}.pdf", payment.id()), SignedInAs.frontDeskOf(clinic));
		assertThat(staffReceipt).contains("Receipt")
			.contains(payment.receiptNumber().toString())
			.contains("Juno Payer")
			.contains("$30")
			.contains("Card (clinic terminal)")
			.contains("1 Test Street")
			.doesNotContain("massage");
		RequestPostProcessor thePatient = SignedInAs.signedIn(Role.PATIENT, null, patient);
		assertThat(pdfText(get("/account/receipts/{id}.pdf", payment.id()), thePatient)).contains("Juno Payer");
		assertThat(pdfText(get("/account/statement.pdf"), thePatient)).contains("Statement")
			.contains("Nothing is owed.");
		assertThat(page(get("/account/payments"), thePatient)).contains("Receipt " + payment.receiptNumber());

		RequestPostProcessor someoneElse = SignedInAs.signedIn(Role.PATIENT, null, UUID.randomUUID());
		assertThat(status(get("/account/receipts/{id}.pdf", payment.id()), someoneElse)).isEqualTo(404);
		assertThat(status(get("/staff/receipts/{id}.pdf", payment.id()), SignedInAs.frontDeskOf("elsewhere")))
			.isEqualTo(403);
	}

	@Test
	void waivesAFeeOnlyWithAReason() throws Exception {
		Booked visit = book("Ivo", 12);
		UUID id = visit.appointment().id();
		jdbc.sql("UPDATE appointment SET status = 'noshow' WHERE id = ?").param(id).update();
		// as BookingDesk.markNoShow publishes it, once the visit has started
		transactions.executeWithoutResult(
				status -> events.publishEvent(new AppointmentMarkedNoShow(id, visit.appointment().patientId(),
						visit.appointment().serviceId(), visit.appointment().location(), visit.appointment().start())));
		assertThat(Balance.of(ledger.ofVisit(id)).owed()).isEqualTo(Money.usd(6000));

		MockHttpServletResponse refused = mvc
			.perform(post("/staff/visits/{id}/waive", id).param("fee", "NO_SHOW_FEE")
				.param("reason", "")
				.with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"reason-error\"");

		MockHttpServletResponse waived = mvc
			.perform(post("/staff/visits/{id}/waive", id).param("fee", "NO_SHOW_FEE")
				.param("reason", "Hospital stay")
				.with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();
		assertThat(waived.getStatus()).isEqualTo(302);
		assertThat(Balance.of(ledger.ofVisit(id)).owed()).isEqualTo(Money.usd(0));
	}

	@Test
	void refusesAPolicyThatDoesNotAddUpBesideItsField() throws Exception {
		MockHttpServletResponse refused = mvc
			.perform(post("/admin/services/{id}/payment-policy", SERVICE).param("due", "DEPOSIT")
				.param("deposit", "25")
				.param("depositPercent", "10")
				.param("lateWindowHours", "24")
				.param("lateFee", "forty")
				.param("noShowFee", "60")
				.with(csrf())
				.with(SignedInAs.admin()))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"deposit-error\"")
			.contains("id=\"lateFee-error\"")
			.contains("value=\"forty\"");
		assertThat(policies.of(ServiceId.of(SERVICE)).deposit()).isEqualTo(Money.usd(3000));
	}

	private Booked book(String name, int hour) {
		var start = LocalDateTime.of(2027, 6, 14, hour, 0).atZone(NEW_YORK).toInstant();
		var slot = new SlotRequest(ServiceId.of(SERVICE), PractitionerId.of(therapist), LocationId.of(clinic), start);
		var patient = new PatientDetails(name, "Payer", name.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
				null, LocalDate.of(1985, 4, 2));
		return booking.book(slot, null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
	}

	@Test
	void theCheckoutNamesTheVisitAndItsStateInWords() throws Exception {
		Booked visit = book("Ines", 13);

		String checkout = page(get("/staff/visits/{id}/checkout", visit.appointment().id()),
				SignedInAs.frontDeskOf(clinic));

		String therapistName = practitioners.displayNames().get(therapist);
		assertThat(checkout)
			.contains("Test paid massage, 60 minutes with " + therapistName + ", Mon, Jun 14, 1:00 PM EDT")
			.contains("<dd>Booked</dd>")
			.doesNotContain(">booked<")
			.doesNotContain("Visit: The visit");
	}

	@Test
	void withoutAPaymentProviderNothingIsOfferedOnline() throws Exception {
		Booked visit = book("Olga", 14);
		UUID patient = visit.appointment().patientId().value();

		String payments = page(get("/account/payments"), SignedInAs.signedIn(Role.PATIENT, null, patient));

		assertThat(payments).contains("Owed: $30. You can pay at the front desk.")
			.doesNotContain("now online")
			.doesNotContain("/account/payments/pay");
		assertThat(status(post("/account/payments/pay").with(csrf()), SignedInAs.signedIn(Role.PATIENT, null, patient)))
			.isEqualTo(302);
		assertThat(Balance.of(ledger.ofVisit(visit.appointment().id())).owed()).isEqualTo(Money.usd(3000));
	}

	@Test
	void anApiBookingMustStateThePatientAgreedToThePolicyVersionItShows() throws Exception {
		String policy = mvc.perform(get("/api/v1/services/{id}/payment-policy", SERVICE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String version = policy.replaceAll("(?s).*\"version\":\"([0-9a-f]+)\".*", "$1");
		assertThat(policy).contains("\"agreementRequired\":true").contains("A deposit of $30");

		MockHttpServletResponse unstated = bookByApi("Quinn", 15, "");
		assertThat(unstated.getStatus()).isEqualTo(422);
		assertThat(unstated.getContentAsString()).contains("policy-agreement-required")
			.contains("\"policyVersion\":\"" + version + "\"")
			.contains("\"field\":\"policyAgreed\"");

		MockHttpServletResponse stale = bookByApi("Quinn", 15,
				",\"policyAgreed\":true,\"policyVersion\":\"000000000000\"");
		assertThat(stale.getStatus()).isEqualTo(422);
		assertThat(stale.getContentAsString()).contains("has changed since");
		assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
			.param(therapist)
			.query(Integer.class)
			.single()).isZero();

		MockHttpServletResponse agreed = bookByApi("Quinn", 15,
				",\"policyAgreed\":true,\"policyVersion\":\"" + version + "\"");
		assertThat(agreed.getStatus()).isEqualTo(201);
		String id = agreed.getContentAsString().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(jdbc.sql("SELECT words FROM policy_agreement WHERE appointment_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).contains("A deposit of $30 is due when you book");
	}

	private MockHttpServletResponse bookByApi(String name, int hour, String agreement) throws Exception {
		String body = """
				{"service":"%s","practitioner":"%s","location":"%s","start":"%s",
				 "patient":{"givenName":"%s","familyName":"Payer","email":"%s@example.org","birthDate":"1985-04-02"}%s}"""
			.formatted(SERVICE, therapist, clinic,
					LocalDateTime.of(2027, 6, 15, hour, 0).atZone(NEW_YORK).toOffsetDateTime(), name,
					name.toLowerCase() + "." + UUID.randomUUID(), agreement);
		MockHttpServletResponse response = mvc
			.perform(post("/api/v1/appointments").contentType("application/json").content(body))
			.andReturn()
			.getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request, RequestPostProcessor who)
			throws Exception {
		MockHttpServletResponse response = mvc
			.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request).with(who))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response.getContentAsString();
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
	}

	private String pdfText(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		try (var document = Loader.loadPDF(response.getContentAsByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
