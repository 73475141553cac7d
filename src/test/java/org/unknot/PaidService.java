package org.unknot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.payment.PaymentPolicies;
import org.unknot.payment.PaymentPolicy;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.Money;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * For tests: a 60-minute massage service of its own, with a price and a deposit due at
 * booking (a $40 late-cancellation fee, a $60 no-show fee), so that a test's policy never
 * changes the shared test services; given at a clinic of its own by a massage therapist
 * of its own, on weekdays from 9 to 5.
 */
public record PaidService(String id, String clinic, String therapist) {

	/** The service (made once, its policy set each time), and a clinic that gives it. */
	public static PaidService offered(JdbcClient jdbc, PaymentPolicies policies, String id, String name,
			long priceCents, long depositCents) {
		jdbc.sql("""
				INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
				    buffer_after_minutes, room_kind, in_person, virtual, price_cents, prerequisite_category,
				    min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
				VALUES (?, ?, 'MASSAGE', 'test', 60, 0, 15, 'MASSAGE_ROOM', true, false, ?, NULL, 60, 400, 15, '{LMT}')
				ON CONFLICT (id) DO NOTHING""").params(id, name, priceCents).update();
		policies.save(new PaymentPolicy(id, PaymentPolicy.Due.DEPOSIT, Money.usd(depositCents), null,
				Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.practitioner("LMT", LocalDate.of(2035, 1, 1), id);
		network.weekdays(therapist, clinic);
		return new PaidService(id, clinic, therapist);
	}

	/** The visit with the therapist at the clinic at this New York time. */
	public SlotRequest slot(LocalDateTime start) {
		return new SlotRequest(ServiceId.of(id), PractitionerId.of(therapist), LocationId.of(clinic),
				start.atZone(ZoneId.of(TestNetwork.ZONE)).toInstant());
	}

	/** The visit at this New York time, booked online by a patient paying for it. */
	public Booked bookedBy(VisitBooking booking, PatientDetails patient, LocalDateTime start) {
		return booking.book(slot(start), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
	}

}
