package org.unknot.website.booking;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.booking.BookingDesk;
import org.unknot.patient.PatientId;
import org.unknot.payment.OnlinePayments;
import org.unknot.system.SiteAddress;

/**
 * Paying online right after booking, when the service asks for its price or a deposit at
 * booking and the clinics take payments online: a plain redirect to the provider's hosted
 * page (so it works without JavaScript), which comes back to the confirmation. A patient
 * who gives up there still has the visit, with the amount owed at the clinic, and the
 * confirmation offers to pay again; asking again opens the same page.
 */
@Controller
class PaymentController {

	private final Drafts drafts;

	private final BookingDesk desk;

	private final VisitViews visits;

	private final OnlinePayments online;

	private final SiteAddress site;

	PaymentController(Drafts drafts, BookingDesk desk, VisitViews visits, OnlinePayments online, SiteAddress site) {
		this.drafts = drafts;
		this.desk = desk;
		this.visits = visits;
		this.online = online;
		this.site = site;
	}

	@GetMapping("/book/{draftId}/pay")
	String pay(@PathVariable String draftId) {
		Draft draft = drafts.get(draftId);
		if (!draft.isBooked()) {
			return ChoiceController.next(draftId, draft);
		}
		List<OnlinePayments.VisitToPay> toPay = draft.booked.stream().map(this::toPay).toList();
		PatientId patient = desk.find(UUID.fromString(draft.booked.get(0).id()), draft.booked.get(0).token())
			.patientId();
		var payer = new OnlinePayments.Payer(patient, draft.givenName + " " + draft.familyName, draft.email);
		String confirmed = "/book/" + draftId + "/confirmed";
		var back = new OnlinePayments.ReturnTo(site.link(confirmed + "?payment=made"),
				site.link(confirmed + "?payment=not-made"));
		return online.payVisits(payer, toPay, back)
			.map(page -> "redirect:" + page)
			.orElse(ChoiceController.confirmed(draftId));
	}

	/**
	 * What a visit owes now, as to pay online; nothing when payments are taken at the
	 * desk.
	 */
	static boolean owesNow(OnlinePayments online, Draft draft) {
		return online.available()
				&& online.owedNow(draft.booked.stream().map(visit -> UUID.fromString(visit.id())).toList())
					.isPositive();
	}

	private OnlinePayments.VisitToPay toPay(Draft.BookedVisit booked) {
		VisitViews.Visit visit = visits.visit(UUID.fromString(booked.id()), booked.token());
		return new OnlinePayments.VisitToPay(UUID.fromString(booked.id()),
				visit.service() + " with " + visit.practitioner() + ", " + visit.when());
	}

}
