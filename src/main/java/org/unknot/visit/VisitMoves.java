package org.unknot.visit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.CreditUse;
import org.unknot.patient.PatientId;
import org.unknot.payment.Cashier;
import org.unknot.practitioner.PractitionerId;

/**
 * Moves a visit the same way whoever asks (the front desk, the patient's portal, the
 * manage link, the API), and checks again what pays for it at its new time. A package
 * credit whose package runs out before then moves to another of the patient's packages
 * that covers the new time and has a credit left (audited, and said on the confirmation);
 * an authorization whose dates do not reach the new day moves to another of the same plan
 * that does and has a visit left. When neither finds one, the move is refused for that
 * payer. With {@code selfPay} the patient has chosen to pay instead: the credit or the
 * authorized visit is given back and the visit owes what a self-pay booking owes. All of
 * it in the move's transaction, so a refused move changes nothing.
 */
@Service
public class VisitMoves {

	private final BookingDesk desk;

	private final CreditLedger credits;

	private final Authorizations authorizations;

	private final InsuranceChoices payers;

	private final Cashier cashier;

	private final AuditLog audit;

	VisitMoves(BookingDesk desk, CreditLedger credits, Authorizations authorizations, InsuranceChoices payers,
			Cashier cashier, AuditLog audit) {
		this.audit = audit;
		this.desk = desk;
		this.credits = credits;
		this.authorizations = authorizations;
		this.payers = payers;
		this.cashier = cashier;
	}

	/** A staff member moves a visit at one of their clinics. */
	@Transactional
	public MovedVisit forClinic(UUID id, Instant start, PractitionerId practitioner, boolean selfPay, BookedBy by) {
		return paidFor(desk.rescheduleForClinic(id, start, practitioner), selfPay, by);
	}

	/** The signed-in patient moves one of their visits. */
	@Transactional
	public MovedVisit forPatient(UUID id, PatientId patient, Instant start, PractitionerId practitioner,
			boolean selfPay) {
		return paidFor(desk.rescheduleForPatient(id, patient, start, practitioner), selfPay, BookedBy.PATIENT);
	}

	/** Whoever holds the visit's manage token moves it. */
	@Transactional
	public MovedVisit withToken(UUID id, String manageToken, Instant start, PractitionerId practitioner,
			boolean selfPay) {
		return paidFor(desk.reschedule(id, manageToken, start, practitioner), selfPay, BookedBy.PATIENT);
	}

	private MovedVisit paidFor(Appointment moved, boolean selfPay, BookedBy by) {
		UUID patient = moved.patientId() == null ? null : moved.patientId().value();
		Optional<CreditUse> switched = credits.switchAfterMove(moved);
		switched.ifPresent(credit -> audit.record(new AuditEvent(by.actor(patient), by.actorRole(), patient, "UPDATE",
				"package-credit:" + moved.id(), "Moved past the end of its package: now paid with a credit of "
						+ credit.packageName() + " (" + credit.remaining() + " left)",
				null, AuditEvent.Outcome.SUCCESS)));
		Optional<String> uncovered = credits.refusalAfterMove(moved).or(() -> authorizations.recount(moved));
		if (uncovered.isEmpty()) {
			return new MovedVisit(moved, switched.orElse(null));
		}
		if (!selfPay) {
			throw new MoveNotCovered(uncovered.get());
		}
		credits.giveBack(moved.id());
		authorizations.release(moved.id());
		payers.of(moved.id())
			.filter(InsuranceChoice::covered)
			.ifPresent(choice -> payers.record(moved.id(),
					new InsuranceChoice(choice.planId(), choice.memberId(), false)));
		cashier.booked(moved.id(), moved.patientId(), moved.serviceId(), false);
		audit.record(new AuditEvent(by.actor(patient), by.actorRole(), patient, "UPDATE", "insurance:" + moved.id(),
				"Moved as self-pay: " + uncovered.get(), null, AuditEvent.Outcome.SUCCESS));
		return new MovedVisit(moved, null);
	}

}
