package org.unknot.website.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.availability.Slot;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SeriesDesk;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SeriesRequest;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.intake.HealthIntake;
import org.unknot.intake.Intakes;
import org.unknot.intake.Triage;
import org.unknot.patient.PatientDetails;

/**
 * Books what a draft describes, with its intake and payment choice, in one transaction: a
 * visit is never stored without the answers the patient gave for it.
 */
@Service
class BookingFlow {

	private final BookingDesk desk;

	private final SeriesDesk series;

	private final Intakes intakes;

	private final InsuranceChoices insurance;

	private final AuditLog audit;

	BookingFlow(BookingDesk desk, SeriesDesk series, Intakes intakes, InsuranceChoices insurance, AuditLog audit) {
		this.desk = desk;
		this.series = series;
		this.intakes = intakes;
		this.insurance = insurance;
		this.audit = audit;
	}

	/**
	 * One visit, from the draft's hold (or directly, if the hold ran out but the time is
	 * still free).
	 */
	@Transactional
	Booked bookOne(SlotRequest slot, UUID hold, Answers answers) {
		Booked booked = desk.book(slot, hold, answers.patient());
		record(booked, answers);
		return booked;
	}

	/**
	 * A weekly or two-weekly course: the occurrences that are free are booked, each clash
	 * comes back with alternatives. The draft's hold on the first time is given up first,
	 * so it does not stand in the way.
	 */
	@Transactional
	SeriesOutcome bookSeries(SlotRequest first, UUID hold, int everyWeeks, int count, Answers answers) {
		if (hold != null) {
			desk.release(hold);
		}
		SeriesOutcome outcome = series.book(new SeriesRequest(first.serviceId(), first.practitionerId(),
				first.location(), first.start(), everyWeeks, count, false, answers.patient()));
		outcome.booked().forEach(booked -> record(booked, answers));
		return outcome;
	}

	/**
	 * Stores the answers with the visit; the patient's own writing of health information
	 * is audited.
	 */
	private void record(Booked booked, Answers answers) {
		UUID id = booked.appointment().id();
		UUID patient = booked.appointment().patientId();
		intakes.record(id, answers.intake(), answers.triage(), answers.adviceAcknowledged());
		insurance.record(id, answers.payment());
		for (String subject : List.of("intake", "insurance")) {
			audit.record(new AuditEvent("patient:" + patient, "PATIENT", patient, "CREATE", subject + ":" + id, null,
					null, AuditEvent.Outcome.SUCCESS));
		}
	}

	static List<String> alternatives(SeriesOutcome.Conflict conflict) {
		List<String> values = new ArrayList<>();
		for (Slot slot : conflict.alternatives()) {
			values.add(new SlotValue(slot.start(), slot.practitionerId()).value());
		}
		return values;
	}

	static SlotRequest slot(String service, String practitioner, String location, OffsetDateTime start) {
		return new SlotRequest(service, practitioner, LocationId.of(location), start.toInstant());
	}

	static SlotRequest slot(Draft draft, Instant start) {
		return new SlotRequest(draft.service, draft.slotPractitioner, LocationId.of(draft.location), start);
	}

	/** Everything the patient told us, checked. */
	record Answers(PatientDetails patient, HealthIntake intake, Triage triage, boolean adviceAcknowledged,
			InsuranceChoice payment) {
	}

}
