package org.unknot.website.booking;

import org.unknot.system.Times;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.BookingDesk;
import org.unknot.catalog.CareService;
import org.unknot.catalog.Clinic;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.packages.CreditLedger;
import org.unknot.payment.OnlinePayments;
import org.unknot.insurance.InsurancePlans;
import org.unknot.practitioner.Practitioner;
import org.unknot.system.Money;

/** A booked visit as the confirmation and the manage page show it. */
@Component
class VisitViews {

	private final BookingDesk desk;

	private final FlowCatalog catalog;

	private final InsuranceChoices choices;

	private final InsurancePlans plans;

	private final CreditLedger credits;

	private final Authorizations authorizations;

	private final OnlinePayments online;

	VisitViews(BookingDesk desk, FlowCatalog catalog, InsuranceChoices choices, InsurancePlans plans,
			CreditLedger credits, Authorizations authorizations, OnlinePayments online) {
		this.online = online;
		this.credits = credits;
		this.authorizations = authorizations;
		this.desk = desk;
		this.catalog = catalog;
		this.choices = choices;
		this.plans = plans;
	}

	/**
	 * What the patient should know of a payment made online for the visit that is not
	 * through: a bank debit still on its way, or one that failed.
	 */
	private String onlinePayment(Appointment appointment) {
		return online.lastOutcome(List.of(appointment.id())).map(outcome -> switch (outcome) {
			case PENDING -> "; payment pending: your bank is still completing your online payment";
			case FAILED -> "; your online payment did not go through, so the amount is still due";
			case PAID -> "";
		}).orElse("");
	}

	/** The visit, if the token is its manage token; otherwise a "not found" page. */
	Visit visit(UUID id, String token) {
		return view(desk.find(id, token), token);
	}

	Visit view(Appointment appointment, String token) {
		CareService service = catalog.service(appointment.serviceId().value()).orElseThrow();
		ZoneId zone = catalog.zone(appointment.location());
		Clinic clinic = catalog.clinic(appointment.location()).orElse(null);
		String practitioner = catalog.practitioner(appointment.practitionerId().value())
			.map(Practitioner::displayName)
			.orElse("");
		String address = clinic == null ? null : clinic.address().street() + ", " + clinic.address().city() + ", "
				+ clinic.address().state() + " " + clinic.address().postalCode();
		String payment = choices.of(appointment.id()).map(choice -> {
			var credit = credits.spentOn(appointment.id());
			if (credit.isPresent()) {
				return "Paid with your " + credit.get().packageName() + " (" + credit.get().remaining()
						+ (credit.get().remaining() == 1 ? " visit" : " visits") + " left in it)";
			}
			var authorized = authorizations.countedFor(appointment.id());
			if (authorized.isPresent()) {
				return authorized.get().planName() + " (" + choice.memberId().masked()
						+ "): covered under authorization " + authorized.get().reference();
			}
			if (choice.selfPay()) {
				return "Self-pay: " + Money.usd(service.priceCents()).inWords();
			}
			String plan = plans.any(choice.planId()).map(p -> p.name()).orElse(choice.planId());
			return plan + " (" + choice.memberId().masked() + "): " + (choice.covered() ? "covered by your plan"
					: "not covered, self-pay " + Money.usd(service.priceCents()).inWords());
		}).map(how -> how + onlinePayment(appointment)).orElse(null);
		String base = "/visits/" + appointment.id();
		String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		boolean live = appointment.status() == AppointmentStatus.BOOKED;
		return new Visit(appointment.id().toString(), token, FlowCatalog.titled(service), appointment.start(),
				Times.dateTime(appointment.start(), zone), Times.timeWithZone(appointment.end(), zone),
				appointment.location().isVirtual(), catalog.locationLabel(appointment.location()), address,
				clinic == null ? null : clinic.phone(), practitioner, payment, statusLabel(appointment.status()), live,
				live && desk.lateToCancel(appointment),
				Times.shortDateTime(appointment.start().minus(desk.lateCancellationWindow()), zone), base + query,
				base + "/calendar.ics" + query, base + "/reschedule" + query, base + "/cancel" + query);
	}

	static String hours(Duration window) {
		long hours = window.toHours();
		return hours % 24 == 0 && hours >= 48 ? hours / 24 + " days" : hours + " hours";
	}

	private static String statusLabel(AppointmentStatus status) {
		return switch (status) {
			case PENDING -> "Not yet booked";
			case BOOKED -> "Booked";
			case ARRIVED, CHECKED_IN -> "Checked in";
			case FULFILLED -> "Done";
			case CANCELLED -> "Cancelled";
			case NOSHOW -> "Missed";
		};
	}

	/**
	 * @param freeUntil the last moment cancelling is free, in words with the zone ("Tue,
	 * Dec 15, 2:00 PM EST")
	 */
	record Visit(String id, String token, String service, Instant start, String when, String ends, boolean video,
			String location, String address, String phone, String practitioner, String payment, String status,
			boolean live, boolean late, String freeUntil, String manageUrl, String calendarUrl, String rescheduleUrl,
			String cancelUrl) {
	}

}
