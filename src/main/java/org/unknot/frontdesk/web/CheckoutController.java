package org.unknot.frontdesk.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.unknot.catalog.ServiceId;
import org.unknot.system.web.Downloads;
import org.unknot.system.web.Choice;
import org.unknot.account.Role;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;
import org.unknot.frontdesk.ClinicVisits;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioners;
import org.unknot.packages.CreditLedger;
import org.unknot.payment.Actor;
import org.unknot.payment.Attempt;
import org.unknot.payment.Attempts;
import org.unknot.payment.Balance;
import org.unknot.payment.Cashier;
import org.unknot.payment.EntryKind;
import org.unknot.payment.Ledger;
import org.unknot.payment.LedgerEntry;
import org.unknot.payment.Method;
import org.unknot.payment.PolicyAgreements;
import org.unknot.payment.Receipts;
import org.unknot.payment.Purpose;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Money;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;

/**
 * The front desk's checkout of a visit (here rather than in the payment module's pages,
 * which the front desk's own module depends on through booking) (what is owed, paid and
 * covered, in one view; a payment taken or given back; a fee waived with a reason) and
 * the charges that failed, to follow up.
 */
@Controller
class CheckoutController {

	private final ClinicVisits visits;

	private final Patients patients;

	private final CareServices services;

	private final Clinics clinics;

	private final InsuranceChoices payers;

	private final Ledger ledger;

	private final Attempts attempts;

	private final Cashier cashier;

	private final PolicyAgreements agreements;

	private final FormChange forms;

	private final Receipts receipts;

	private final AuditLog audit;

	private final CreditLedger credits;

	private final Practitioners practitioners;

	CheckoutController(ClinicVisits visits, Patients patients, CareServices services, Clinics clinics,
			InsuranceChoices payers, Ledger ledger, Attempts attempts, Cashier cashier, PolicyAgreements agreements,
			FormChange forms, Receipts receipts, AuditLog audit, CreditLedger credits, Practitioners practitioners) {
		this.practitioners = practitioners;
		this.credits = credits;
		this.receipts = receipts;
		this.audit = audit;
		this.visits = visits;
		this.patients = patients;
		this.services = services;
		this.clinics = clinics;
		this.payers = payers;
		this.ledger = ledger;
		this.attempts = attempts;
		this.cashier = cashier;
		this.agreements = agreements;
		this.forms = forms;
	}

	/** A payment taken or given back at the desk, as typed. */
	record PaymentForm(String amount, String method, String direction) implements PageForm {
	}

	/** A fee waived, and why. */
	record WaiverForm(String fee, String reason) implements PageForm {
	}

	@GetMapping("/staff/visits/{id}/checkout")
	String checkout(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Model model) {
		Appointment visit = visits.of(me, id);
		return page(visit, Map.of("direction", "pay"), Map.of(), model);
	}

	@PostMapping("/staff/visits/{id}/checkout")
	String pay(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute PaymentForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Appointment visit = visits.of(me, id);
		boolean givingBack = "give-back".equals(form.direction());
		return forms.answer(messages -> {
			if (!givingBack && inProgress(visit)) {
				cashier.chargeTheVisit(id, visit.patientId(), visit.serviceId(), covered(visit));
			}
			Method method = messages.choice("method", Method.class, form.method(), "Choose how it was paid.");
			LedgerEntry entry = cashier.recordAtDesk(id, visit.patientId(), form.amount(), method, givingBack,
					actor(me));
			return new FormChange.Made("/staff/visits/" + id + "/checkout", (givingBack ? "Gave back " : "Recorded ")
					+ entry.amount().inWords() + "; receipt number " + entry.receiptNumber() + ".");
		}, redirect, response, shown -> page(visit, form.typed(), shown, model));
	}

	@PostMapping("/staff/visits/{id}/waive")
	String waive(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute WaiverForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Appointment visit = visits.of(me, id);
		return forms.attempt(messages -> {
			Purpose fee = messages.choice("fee", Purpose.class, form.fee(), "Choose the fee to waive.");
			if (fee != null) {
				cashier.waive(id, fee, form.reason(), actor(me));
			}
			return "/staff/visits/" + id + "/checkout";
		}, "Fee waived; the reason is kept in the audit trail.", redirect, response, shown -> {
			model.addAttribute("waiver", form.typed());
			return page(visit, Map.of("direction", "pay"), shown, model);
		});
	}

	@GetMapping("/staff/payments")
	String followUp(@AuthenticationPrincipal SignedIn me, Model model) {
		List<FailedView> failed = attempts.failed()
			.stream()
			.map(attempt -> failedView(me, attempt))
			.flatMap(Optional::stream)
			.toList();
		model.addAttribute("failed", failed);
		return "staff/payments";
	}

	@PostMapping("/staff/payments/retry")
	String retry(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String key,
			RedirectAttributes redirect) {
		Attempt attempt = attempts.find(key == null ? "" : key)
			.orElseThrow(() -> new InvalidRequest("key", "There is no such charge to try again."));
		if (attempt.appointmentId() != null) {
			visits.of(me, attempt.appointmentId());
		}
		Attempt.Status status = cashier.carryOut(attempt.key());
		redirect.addFlashAttribute("message", status == Attempt.Status.SUCCEEDED
				? "Charged " + attempt.amount().inWords() + " to the card on file." : "The charge failed again.");
		return "redirect:/staff/payments";
	}

	@GetMapping("/staff/receipts/{id}.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		LedgerEntry entry = receipts.withReceipt(id)
			.orElseThrow(() -> new org.unknot.system.NotFound(null, "receipt", id.toString()));
		if (entry.appointmentId() != null) {
			visits.of(me, entry.appointmentId());
		}
		else if (me.role() != Role.ADMIN) {
			throw new AccessDeniedException("A receipt of no visit is for admins");
		}
		read(me, entry.patientId(), "receipt:" + id, request);
		return Downloads.pdf(receipts.receipt(entry), "receipt-" + entry.receiptNumber() + ".pdf");
	}

	@GetMapping("/staff/patients/{id}/statement.pdf")
	ResponseEntity<byte[]> statement(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		if (me.role() != Role.ADMIN && me.role() != Role.FRONT_DESK) {
			throw new AccessDeniedException("Statements are for the front desk and admins");
		}
		patients.get(id);
		read(me, id, "statement", request);
		return Downloads.pdf(receipts.statement(PatientId.of(id)), "statement.pdf");
	}

	private void read(SignedIn me, UUID patientId, String subject, HttpServletRequest request) {
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patientId, "READ", subject, null,
				request.getRemoteAddr(), AuditEvent.Outcome.SUCCESS));
	}

	private Optional<FailedView> failedView(SignedIn me, Attempt attempt) {
		if (attempt.appointmentId() == null) {
			return Optional.empty();
		}
		try {
			Appointment visit = visits.of(me, attempt.appointmentId());
			String name = patients.find(attempt.patientId()).map(CheckoutController::name).orElse("A patient");
			return Optional
				.of(new FailedView(attempt.key(), visit.id(), name, Times.dateTime(visit.start(), zoneOf(visit)),
						attempt.purpose().label(), attempt.action() == Attempt.Action.REFUND ? "Refund" : "Charge",
						attempt.amount().inWords(), attempt.failure()));
		}
		catch (org.springframework.security.access.AccessDeniedException | org.unknot.system.NotFound notOurs) {
			return Optional.empty();
		}
	}

	/** A failed charge or refund, in words, for the follow-up list. */
	record FailedView(String key, UUID visitId, String patient, String when, String purpose, String action,
			String amount, String failure) {
	}

	/** A ledger row in words, for the checkout. */
	record RowView(UUID id, String when, String what, String amount, boolean receipt) {
	}

	private String page(Appointment visit, Map<String, String> form, Map<String, String> errors, Model model) {
		UUID id = visit.id();
		ZoneId zone = zoneOf(visit);
		List<LedgerEntry> rows = ledger.ofVisit(id);
		Balance balance = Balance.of(rows);
		CareService service = services.get("service", visit.serviceId().value());
		Optional<InsuranceChoice> payer = payers.of(id);
		Money price = cashier.priceOf(id, visit.serviceId());
		Money visitCharged = rows.stream()
			.filter(e -> e.kind() == EntryKind.CHARGE && e.purpose() == Purpose.VISIT)
			.map(LedgerEntry::amount)
			.reduce(Money.usd(0), Money::plus);
		Money restAtVisit = covered(visit) || !inProgress(visit) ? Money.usd(0)
				: atLeastNothing(price.minus(visitCharged));
		model.addAttribute("visit", visit);
		model.addAttribute("patient", patients.find(patientOf(visit)).map(CheckoutController::name).orElse(""));
		model.addAttribute("patientId", patientOf(visit));
		String practitioner = practitioners.displayNames()
			.getOrDefault(visit.practitionerId().value(), "the practitioner");
		model.addAttribute("visitName",
				service.name() + " with " + practitioner + ", " + Times.shortDateTime(visit.start(), zone));
		model.addAttribute("status", visit.status().label());
		model.addAttribute("price", price.inWords());
		model.addAttribute("covered", payer.filter(InsuranceChoice::covered).isPresent());
		model.addAttribute("insured", payer.filter(p -> !p.selfPay()).isPresent());
		model.addAttribute("rows", rows.stream().map(e -> rowView(e, zone)).toList());
		model.addAttribute("paid", balance.kept().inWords());
		model.addAttribute("owed", balance.owed().plus(restAtVisit));
		model.addAttribute("restAtVisit", restAtVisit.isPositive() ? restAtVisit.inWords() : null);
		model.addAttribute("fees",
				rows.stream()
					.filter(e -> e.kind() == EntryKind.CHARGE && e.purpose() != Purpose.VISIT)
					.map(e -> new Choice(e.purpose().name(), e.purpose().label() + " (" + e.amount().inWords() + ")"))
					.toList());
		model.addAttribute("attempts", attempts.ofVisit(id));
		model.addAttribute("agreement", agreements.of(id).orElse(null));
		model.addAttribute("methods",
				java.util.Arrays.stream(Method.values())
					.filter(Method::recordedAtDesk)
					.map(m -> new Choice(m.name(), m.label()))
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("waiver", model.getAttribute("waiver") == null ? Map.of() : model.getAttribute("waiver"));
		model.addAttribute("errors", errors);
		return "staff/checkout";
	}

	private RowView rowView(LedgerEntry entry, ZoneId zone) {
		String what = switch (entry.kind()) {
			case CHARGE -> entry.purpose().label() + (entry.reason() == null ? "" : ": " + entry.reason());
			case WAIVER -> entry.purpose().label() + " waived: " + entry.reason();
			case PAYMENT -> "Paid, " + entry.method().label();
			case REFUND -> "Given back, " + entry.method().label();
		};
		return new RowView(entry.id(), Times.shortDateTime(entry.at(), zone), what, entry.owed().negated().inWords(),
				entry.movesMoney());
	}

	private static Money atLeastNothing(Money amount) {
		return amount.isNegative() ? Money.zero(amount.currency()) : amount;
	}

	/** Covered by the patient's plan, or paid with a package credit. */
	private boolean covered(Appointment visit) {
		return payers.of(visit.id()).filter(InsuranceChoice::covered).isPresent()
				|| credits.spentOn(visit.id()).isPresent();
	}

	private static boolean inProgress(Appointment visit) {
		return visit.status() == AppointmentStatus.ARRIVED || visit.status() == AppointmentStatus.CHECKED_IN
				|| visit.status() == AppointmentStatus.FULFILLED;
	}

	private ZoneId zoneOf(Appointment visit) {
		return clinics.zoneOf(visit.location());
	}

	private static UUID patientOf(Appointment visit) {
		return visit.patientId().value();
	}

	private static String name(Patient patient) {
		return patient.givenName() + " " + patient.familyName();
	}

	private static Actor actor(SignedIn me) {
		return Actor.staff(me.accountId(), me.role().name());
	}

}
