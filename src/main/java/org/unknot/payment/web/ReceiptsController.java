package org.unknot.payment.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import org.unknot.payment.Receipts;
import org.unknot.system.NotFound;
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

	ReceiptsController(Ledger ledger, Receipts receipts, Patients patients, Cards cards, Cashier cashier,
			CatalogProperties catalog) {
		this.ledger = ledger;
		this.receipts = receipts;
		this.patients = patients;
		this.cards = cards;
		this.cashier = cashier;
		this.catalog = catalog;
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
		model.addAttribute("card", cards.of(patient).filter(CardOnFile::chargeable).orElse(null));
		model.addAttribute("consent", Cashier.CARD_CONSENT);
		return "portal/payments";
	}

	/** A payment or refund in the portal's words. */
	record PaymentView(UUID id, String when, String what, String amount, Long receipt) {
	}

	@PostMapping("/account/payments/card")
	String giveCard(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
		UUID patientId = patientOf(me);
		Patient patient = patients.get(patientId);
		String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ "/account/payments";
		return "redirect:" + cashier.cardSetupPage(patientId, patient.givenName() + " " + patient.familyName(),
				patient.email(), back + "?card=given", back);
	}

	@GetMapping("/account/receipts/{id}.pdf")
	ResponseEntity<byte[]> myReceipt(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
		LedgerEntry entry = receipts.withReceipt(id)
			.filter(e -> e.patientId().equals(patientOf(me)))
			.orElseThrow(() -> new NotFound(null, "receipt", id.toString()));
		return Downloads.pdf(receipts.receipt(entry), "receipt-" + entry.receiptNumber() + ".pdf");
	}

	@GetMapping("/account/statement.pdf")
	ResponseEntity<byte[]> myStatement(@AuthenticationPrincipal SignedIn me) {
		return Downloads.pdf(receipts.statement(patientOf(me)), "statement.pdf");
	}

	private static UUID patientOf(SignedIn me) {
		if (me.patientId() == null) {
			throw new NotFound(null, "patient", "account");
		}
		return me.patientId();
	}

}
