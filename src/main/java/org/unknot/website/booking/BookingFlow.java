package org.unknot.website.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.unknot.availability.Slot;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.care.HealthIntake;
import org.unknot.patient.PatientDetails;
import org.unknot.visit.Advice;
import org.unknot.visit.Payer;
import org.unknot.visit.VisitAnswers;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * What the pages hand to {@link org.unknot.visit.VisitBooking}: the draft's slot and
 * answers in its terms, and its clashes back as slot values the pages offer.
 */
final class BookingFlow {

	private BookingFlow() {
	}

	static VisitAnswers answers(PatientDetails patient, String plan, String memberId, HealthIntake intake,
			boolean adviceAcknowledged) {
		Payer payer = Draft.SELF_PAY.equals(plan) ? Payer.SELF_PAY : Payer.plan(plan, memberId);
		return new VisitAnswers(patient, payer, intake, adviceAcknowledged ? Advice.ACKNOWLEDGED : Advice.NOT_GIVEN);
	}

	/** The payer recorded with an earlier visit, to book another with it. */
	static Payer payer(InsuranceChoice recorded) {
		return recorded.selfPay() ? Payer.SELF_PAY : Payer.plan(recorded.planId(), recorded.memberId().value());
	}

	static List<String> alternatives(SeriesOutcome.Conflict conflict) {
		List<String> values = new ArrayList<>();
		for (Slot slot : conflict.alternatives()) {
			values.add(new SlotValue(slot.start(), slot.practitionerId().value()).value());
		}
		return values;
	}

	static SlotRequest slot(String service, String practitioner, String location, OffsetDateTime start) {
		return new SlotRequest(ServiceId.of(service), PractitionerId.of(practitioner), LocationId.of(location),
				start.toInstant());
	}

	static SlotRequest slot(Draft draft, Instant start) {
		return new SlotRequest(ServiceId.of(draft.service), PractitionerId.ofNullable(draft.slotPractitioner),
				LocationId.of(draft.location), start);
	}

}
