package org.unknot.payment.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.unknot.patient.PatientId;
import org.unknot.system.web.Downloads;
import org.unknot.account.SignedIn;
import org.unknot.catalog.CatalogProperties;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.payment.Balance;
import org.unknot.payment.CardOnFile;
import org.unknot.payment.Cards;
import org.unknot.payment.Cashier;
import org.unknot.payment.Ledger;
import org.unknot.payment.LedgerEntry;
import org.unknot.payment.OnlinePayments;
import org.unknot.payment.Receipts;
import org.unknot.system.Money;
import org.unknot.system.NotFound;
import org.unknot.system.SiteAddress;
import org.unknot.system.Times;

/**
 * The patient's payments in the portal, their receipts and statement as PDF, and giving a
 * card to keep on file (on the provider's own page, reached by a plain redirect, so no
 * script of the provider runs on ours and the content security policy stays as it is).
 */
@Controller
class ReceiptsController {

	private final Ledger ledger;

	private final Receipts receipts;

	private final Patients patients;

	private final Cards cards;

	private final Cashier cashier;

	private final CatalogProperties catalog;

	private final OnlinePayments online;

	private final SiteAddress site;

	ReceiptsController(Ledger ledger, Receipts receipts, Patients patients, Cards cards, Cashier cashier,
			CatalogProperties catalog, OnlinePayments online, SiteAddress site) {
		this.online = online;
		this.site = site;
		this.ledger = ledger;
		this.receipts = receipts;
		this.patients = patients;
		this.cards = cards;
		this.cashier = cashier;
		this.catalog = catalog;
	}

	@GetMapping("/account/payments")
	String payments(@AuthenticationPrincipal SignedIn me, Model model) {
		PatientId patient = patientOf(me);
		List<LedgerEntry> rows = ledger.ofPatient(patient);
		ZoneId zone = catalog.virtualZone();
		List<PaymentView> paid = new ArrayList<>();
		for (LedgerEntry row : rows) {
			if (row.movesMoney()) {
				paid.add(new PaymentView(row.id(), Times.shortDateTime(row.at(), zone),
						row.purpose().label() + ", " + row.method().label(), row.received().inWords(),
						row.receiptNumber()));
			}
		}
		model.addAttribute("payments", paid);
		model.addAttribute("owed", Balance.of(rows).owed());
		Money payable = online.owedNow(visitsOwing(rows));
		model.addAttribute("payNow", online.available() && payable.isPositive() ? payable.inWords() : null);
		model.addAttribute("online", cashier.online());
		model.addAttribute("card", cards.of(patient).filter(CardOnFile::chargeable).orElse(null));
		model.addAttribute("consent", Cashier.CARD_CONSENT);
		return "portal/payments";
	}

	/**
	 * What the patient's visits owe now, paid on the provider's page (a plain redirect).
	 */
	@PostMapping("/account/payments/pay")
	String payNow(@AuthenticationPrincipal SignedIn me) {
		PatientId patientId = patientOf(me);
		Patient patient = patients.get(patientId.value());
		List<LedgerEntry> rows = ledger.ofPatient(patientId);
		List<OnlinePayments.VisitToPay> visits = visitsOwing(rows).stream()
			.map(visit -> new OnlinePayments.VisitToPay(visit, "Your visit" + dayOf(rows, visit)))
			.toList();
		return online
			.payVisits(
					new OnlinePayments.Payer(patientId, patient.givenName() + " " + patient.familyName(),
							patient.email()),
					visits,
					new OnlinePayments.ReturnTo(site.link("/account/payments?payment=made"),
							site.link("/account/payments?payment=not-made")))
			.map(page -> "redirect:" + page)
			.orElse("redirect:/account/payments");
	}

	/** The visits that owe something now, in the order they were first charged. */
	private List<UUID> visitsOwing(List<LedgerEntry> rows) {
		return rows.stream()
			.map(LedgerEntry::appointmentId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.filter(visit -> online.owedNow(List.of(visit)).isPositive())
			.toList();
	}

	/**
	 * ", charged Dec 9, 2026": when the visit was first charged, to tell visits apart.
	 */
	private String dayOf(List<LedgerEntry> rows, UUID visit) {
		return rows.stream()
			.filter(row -> visit.equals(row.appointmentId()))
			.findFirst()
			.map(row -> ", charged " + Times.shortDay(row.at().atZone(catalog.virtualZone()).toLocalDate()))
			.orElse("");
	}

	/** A payment or refund in the portal's words. */
	record PaymentView(UUID id, String when, String what, String amount, Long receipt) {
	}

	@PostMapping("/account/payments/card")
	String giveCard(@AuthenticationPrincipal SignedIn me) {
		PatientId patientId = patientOf(me);
		Patient patient = patients.get(patientId.value());
		String back = site.link("/account/payments");
		return "redirect:" + cashier.cardSetupPage(patientId, patient.givenName() + " " + patient.familyName(),
				patient.email(), back + "?card=given", back);
	}

	@GetMapping("/account/receipts/{id}.pdf")
	ResponseEntity<byte[]> myReceipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
		LedgerEntry entry = receipts.withReceipt(id)
			.filter(e -> e.patientId().equals(patientOf(me).value()))
			.orElseThrow(() -> new NotFound(null, "receipt", id.toString()));
		return Downloads.pdf(receipts.receipt(entry), "receipt-" + entry.receiptNumber() + ".pdf");
	}

	@GetMapping("/account/statement.pdf")
	ResponseEntity<byte[]> myStatement(@AuthenticationPrincipal SignedIn me) {
		return Downloads.pdf(receipts.statement(patientOf(me)), "statement.pdf");
	}

	private static PatientId patientOf(SignedIn me) {
		if (me.patientId() == null) {
			throw new NotFound(null, "patient", "account");
		}
		return PatientId.of(me.patientId());
	}

}
