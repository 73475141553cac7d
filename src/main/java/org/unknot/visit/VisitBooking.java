package org.unknot.visit;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SeriesDesk;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SeriesRequest;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.ServiceId;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.InsurancePlans;
import org.unknot.insurance.MemberId;
import org.unknot.care.Intakes;
import org.unknot.care.Triage;
import org.unknot.packages.CreditLedger;
import org.unknot.payment.Cashier;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest;

/**
 * Books a visit, or a course of visits, the same way whoever asks: the intake is triaged
 * (red flags keep a patient from hands-on care alone until they are told to see a
 * physician; an emergency books nothing), the payer is checked and recorded (self-pay
 * when none is named), and intake, payer and audit are written in the booking's own
 * transaction, so a visit never exists without them and a refusal leaves nothing. A
 * patient holding a package that covers the service spends a credit on each visit before
 * anything is paid (unless a plan covers it); a visit under a plan counts against the
 * payer's authorization, if the patient has one for the service. The payer, the price,
 * the audit entries and the messages are rows nothing in the booking reads again: they
 * are sent together just before the commit ({@code WritesAtCommit}), one round trip.
 */
@Service
public class VisitBooking {

	private final BookingDesk desk;

	private final SeriesDesk series;

	private final CareServices services;

	private final InsurancePlans plans;

	private final InsuranceChoices payers;

	private final Intakes intakes;

	private final AuditLog audit;

	private final CreditLedger credits;

	private final Authorizations authorizations;

	private final Cashier cashier;

	private final AvailabilitySearch availability;

	VisitBooking(BookingDesk desk, SeriesDesk series, CareServices services, InsurancePlans plans,
			InsuranceChoices payers, Intakes intakes, AuditLog audit, CreditLedger credits,
			Authorizations authorizations, Cashier cashier, AvailabilitySearch availability) {
		this.availability = availability;
		this.desk = desk;
		this.series = series;
		this.services = services;
		this.plans = plans;
		this.payers = payers;
		this.intakes = intakes;
		this.audit = audit;
		this.credits = credits;
		this.authorizations = authorizations;
		this.cashier = cashier;
	}

	/**
	 * One visit, from the caller's hold if it is still live, otherwise directly if the
	 * time is free.
	 */
	@Transactional
	public Booked book(SlotRequest slot, UUID hold, VisitAnswers answers, BookedBy by) {
		Checked checked = check(slot.serviceId(), answers, by);
		Booked booked = desk.book(slot, hold, answers.patient());
		record(booked, answers, checkedAgain(checked, slot.serviceId(), answers, by), by, false);
		return booked;
	}

	/**
	 * A weekly or two-weekly course from {@code first}: the free occurrences are booked,
	 * each clash comes back with alternatives. A hold on the first time is given up
	 * first, so it does not stand in the way.
	 */
	@Transactional
	public SeriesOutcome bookSeries(SlotRequest first, UUID hold, Repeat repeat, VisitAnswers answers, BookedBy by) {
		Checked checked = check(first.serviceId(), answers, by);
		if (hold != null) {
			desk.release(hold);
		}
		SeriesOutcome outcome = series
			.book(new SeriesRequest(first.serviceId(), first.practitionerId(), first.location(), first.start(),
					repeat.everyWeeks(), repeat.count(), repeat.allOrNothing(), answers.patient()));
		Checked again = outcome.booked().isEmpty() ? checked : checkedAgain(checked, first.serviceId(), answers, by);
		outcome.booked().forEach(booked -> record(booked, answers, again, by, true));
		return outcome;
	}

	/**
	 * Everything decided before anything is written, on the service as availability has
	 * it in memory (no round trip); a refusal is confirmed on the service as stored.
	 */
	private Checked check(ServiceId serviceId, VisitAnswers answers, BookedBy by) {
		CareService known = availability.service(serviceId);
		try {
			return check(known, answers, by);
		}
		catch (DomainProblem refused) {
			CareService stored = services.get("service", serviceId.value());
			if (stored.equals(known)) {
				throw refused;
			}
			return check(stored, answers, by);
		}
	}

	/**
	 * The booking's own check read the service again with the bookings (at the current
	 * reference version, kept for this transaction); decided anew only if it changed.
	 */
	private Checked checkedAgain(Checked checked, ServiceId serviceId, VisitAnswers answers, BookedBy by) {
		CareService booked = services.get("service", serviceId.value());
		return booked.equals(checked.service()) ? checked : check(booked, answers, by);
	}

	private Checked check(CareService service, VisitAnswers answers, BookedBy by) {
		if (answers.advice() == Advice.STAFF_OVERRIDE && !by.staff()) {
			throw new OverrideRefused();
		}
		InsuranceChoice payer = payer(answers.payer(), service);
		if (answers.intake() == null) {
			return new Checked(service, payer, null);
		}
		Triage triage = Triage.of(answers.intake(), service.category());
		boolean toldOrOverridden = answers.advice() != Advice.NOT_GIVEN;
		if (triage == Triage.EMERGENCY || triage == Triage.CONSULTATION_ADVISED && !toldOrOverridden) {
			throw new RedFlagsFound(triage, Triage.reasons(answers.intake()), service.name());
		}
		return new Checked(service, payer, triage);
	}

	private InsuranceChoice payer(Payer payer, CareService service) {
		if (payer.selfPay()) {
			return InsuranceChoice.SELF_PAY;
		}
		InsurancePlan plan = plans.find(payer.planId())
			.orElseThrow(() -> new InvalidRequest("payer.plan",
					"There is no insurance plan '" + payer.planId() + "' that the clinics accept."));
		MemberId member = plan.memberId(payer.memberId())
			.orElseThrow(() -> new InvalidRequest("payer.memberId",
					payer.memberId() == null || payer.memberId().isBlank()
							? "Enter the " + plan.memberIdLabel() + " from the " + plan.name() + " card."
							: "This does not look like a " + plan.memberIdLabel() + " for " + plan.name()
									+ ". Type it as printed on the card."));
		return InsuranceChoice.under(plan, member, plan.coverageOf(service));
	}

	private void record(Booked booked, VisitAnswers answers, Checked checked, BookedBy by, boolean oneOfSeries) {
		UUID id = booked.appointment().id();
		UUID patient = booked.appointment().patientId().value();
		if (checked.triage() != null) {
			intakes.record(id, answers.intake(), checked.triage(), answers.advice() != Advice.NOT_GIVEN);
			audited(by, patient, "intake:" + id);
		}
		InsuranceChoice payer = authorizations.count(booked.appointment(), checked.payer(), oneOfSeries);
		payers.recordForNewVisit(id, payer);
		audited(by, patient, "insurance:" + id);
		boolean paidWithCredit = !payer.covered() && credits.spendFor(booked.appointment()).isPresent();
		cashier.booked(id, booked.appointment().patientId(), booked.appointment().serviceId(),
				payer.covered() || paidWithCredit);
	}

	private void audited(BookedBy by, UUID patient, String subject) {
		audit.recordAtCommit(new AuditEvent(by.actor(patient), by.actorRole(), patient, "CREATE", subject, null, null,
				AuditEvent.Outcome.SUCCESS));
	}

	private record Checked(CareService service, InsuranceChoice payer, Triage triage) {
	}

}
