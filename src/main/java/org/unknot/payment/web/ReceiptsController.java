package org.unknot.payment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.frontdesk.ClinicVisits;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.payment.Balance;
import org.unknot.payment.Cards;
import org.unknot.payment.Cashier;
import org.unknot.payment.Ledger;
import org.unknot.payment.LedgerEntry;
import org.unknot.payment.Letterhead;
import org.unknot.payment.PaperDocuments;
import org.unknot.system.NotFound;
import org.unknot.system.Times;

/**
 * Receipts and statements as PDF, for the patient in the portal and for the front desk;
 * the patient's payments page, and giving a card to keep on file (on the provider's own
 * page, reached by a plain redirect, so no script of the provider runs on ours).
 */
@Controller
class ReceiptsController {

	private static final String NETWORK = "Unknot clinics";

	private final Ledger ledger;

	private final PaperDocuments paper;

	private final Patients patients;

	private final Appointments appointments;

	private final Clinics clinics;

	private final ClinicVisits visits;

	private final Cards cards;

	private final Cashier cashier;

	private final AuditLog audit;

	private final CatalogProperties catalog;

	private final Clock clock;

	ReceiptsController(Ledger ledger, PaperDocuments paper, Patients patients, Appointments appointments,
			Clinics clinics, ClinicVisits visits, Cards cards, Cashier cashier, AuditLog audit,
			CatalogProperties catalog, Clock clock) {
		this.ledger = ledger;
		this.paper = paper;
		this.patients = patients;
		this.appointments = appointments;
		this.clinics = clinics;
		this.visits = visits;
		this.cards = cards;
		this.cashier = cashier;
		this.audit = audit;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/account/payments")
	String payments(@AuthenticationPrincipal SignedIn me, Model model) {
		UUID patient = patientOf(me);
		List<LedgerEntry> rows = ledger.ofPatient(patient);
		ZoneId zone = catalog.virtualZone();
		List<PaymentView> paid = new ArrayList<>();
		for (LedgerEntry row : rows) {
			if (row.movesMoney()) {
				paid.add(new PaymentView(row.id(), Times.dateTime(row.at(), zone),
						row.purpose().label() + ", " + row.method().label(), row.received().inWords(),
						row.receiptNumber()));
			}
		}
		model.addAttribute("payments", paid);
		model.addAttribute("owed", Balance.of(rows).owed());
		model.addAttribute("online", cashier.online());
		model.addAttribute("card", cards.of(patient).filter(c -> c.chargeable()).orElse(null));
		model.addAttribute("consent", Cashier.CARD_CONSENT);
		return "portal/payments";
	}

	/** A payment or refund in the portal's words. */
	record PaymentView(UUID id, String when, String what, String amount, Long receipt) {
	}

	@PostMapping("/account/payments/card")
	String giveCard(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, RedirectAttributes redirect) {
		UUID patientId = patientOf(me);
		Patient patient = patients.get(patientId);
		String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ "/account/payments";
		return "redirect:" + cashier.cardSetupPage(patientId, patient.givenName() + " " + patient.familyName(),
				patient.email(), back + "?card=given", back);
	}

	@GetMapping("/account/receipts/{id}.pdf")
	ResponseEntity<byte[]> myReceipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
		LedgerEntry entry = ledger.find(id)
			.filter(LedgerEntry::movesMoney)
			.filter(e -> e.patientId().equals(patientOf(me)))
			.orElseThrow(() -> new NotFound(null, "receipt", id.toString()));
		return receipt(entry);
	}

	@GetMapping("/account/statement.pdf")
	ResponseEntity<byte[]> myStatement(@AuthenticationPrincipal SignedIn me) {
		return statement(patientOf(me));
	}

	@GetMapping("/staff/receipts/{id}.pdf")
	ResponseEntity<byte[]> receiptForStaff(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		LedgerEntry entry = ledger.find(id)
			.filter(LedgerEntry::movesMoney)
			.orElseThrow(() -> new NotFound(null, "receipt", id.toString()));
		if (entry.appointmentId() != null) {
			visits.of(me, entry.appointmentId());
		}
		else if (me.role() != Role.ADMIN) {
			throw new AccessDeniedException("A receipt of no visit is for admins");
		}
		read(me, entry.patientId(), "receipt:" + id, request);
		return receipt(entry);
	}

	@GetMapping("/staff/patients/{id}/statement.pdf")
	ResponseEntity<byte[]> statementForStaff(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		if (me.role() != Role.ADMIN && me.role() != Role.FRONT_DESK) {
			throw new AccessDeniedException("Statements are for the front desk and admins");
		}
		patients.get(id);
		read(me, id, "statement", request);
		return statement(id);
	}

	private ResponseEntity<byte[]> receipt(LedgerEntry entry) {
		Optional<Appointment> visit = Optional.ofNullable(entry.appointmentId()).flatMap(appointments::find);
		ZoneId zone = visit.map(v -> clinics.zoneOf(v.location())).orElse(catalog.virtualZone());
		byte[] pdf = paper.receipt(letterhead(visit), nameOf(entry.patientId()), entry,
				visit.map(Appointment::start).orElse(null), zone);
		return pdf(pdf, "receipt-" + entry.receiptNumber() + ".pdf");
	}

	private ResponseEntity<byte[]> statement(UUID patientId) {
		List<LedgerEntry> rows = ledger.ofPatient(patientId);
		Optional<Appointment> latest = rows.stream()
			.map(LedgerEntry::appointmentId)
			.filter(java.util.Objects::nonNull)
			.reduce((first, second) -> second)
			.flatMap(appointments::find);
		Instant now = clock.instant();
		byte[] pdf = paper.statement(letterhead(latest), nameOf(patientId), rows, catalog.virtualZone(), now);
		return pdf(pdf, "statement.pdf");
	}

	private Letterhead letterhead(Optional<Appointment> visit) {
		return visit.map(v -> v.location().clinicIdOrNull())
			.flatMap(clinics::find)
			.map(ReceiptsController::letterhead)
			.orElse(new Letterhead(NETWORK, List.of(), null));
	}

	private static Letterhead letterhead(Clinic clinic) {
		Clinic.Address a = clinic.address();
		return new Letterhead(clinic.name(), List.of(a.street(), a.city() + ", " + a.state() + " " + a.postalCode()),
				clinic.phone());
	}

	private String nameOf(UUID patientId) {
		return patients.find(patientId).map(p -> p.givenName() + " " + p.familyName()).orElse("Patient");
	}

	private void read(SignedIn me, UUID patientId, String subject, HttpServletRequest request) {
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patientId, "READ", subject, null,
				request.getRemoteAddr(), AuditEvent.Outcome.SUCCESS));
	}

	private static UUID patientOf(SignedIn me) {
		if (me.patientId() == null) {
			throw new NotFound(null, "patient", "account");
		}
		return me.patientId();
	}

	private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

}
