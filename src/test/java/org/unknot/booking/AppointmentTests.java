package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.availability.SlotCheck;
import org.unknot.availability.SlotVerdict;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

class AppointmentTests {

	static final Instant START = Instant.parse("2027-03-15T14:00:00Z");
	static final Instant BEFORE = START.minus(Duration.ofDays(1));
	static final Instant AFTER = START.plus(Duration.ofMinutes(5));

	@Nested
	class AHold {

		@Test
		void becomesABookingForItsPatient() {
			Appointment hold = Appointment.hold(slot(START), BEFORE.plus(Duration.ofMinutes(10)));
			PatientId patient = PatientId.of(UUID.randomUUID());

			hold.confirmHold(patient, new byte[] { 1 }, BEFORE);

			assertThat(hold.status()).isEqualTo(AppointmentStatus.BOOKED);
			assertThat(hold.patientId()).isEqualTo(patient);
			assertThat(hold.holdExpiresAt()).isNull();
		}

		@Test
		void cannotBeBookedOnceExpired() {
			Appointment hold = Appointment.hold(slot(START), BEFORE.plus(Duration.ofMinutes(10)));

			assertThatThrownBy(() -> hold.confirmHold(PatientId.of(UUID.randomUUID()), new byte[] { 1 },
					BEFORE.plus(Duration.ofMinutes(10))))
				.isInstanceOf(HoldExpired.class);
			assertThat(hold.status()).isEqualTo(AppointmentStatus.PENDING);
		}

		@Test
		void isNotABookingThatCanBeConfirmedTwice() {
			Appointment booked = booked();
			assertThatThrownBy(() -> booked.confirmHold(PatientId.of(UUID.randomUUID()), new byte[] { 1 }, BEFORE))
				.isInstanceOf(TransitionNotAllowed.class);
		}

	}

	@Nested
	class ABookedVisit {

		@Test
		void movesToANewTimeRaisingItsSequence() {
			Appointment visit = booked();
			visit.moveTo(slot(START.plus(Duration.ofHours(2))), BEFORE);

			assertThat(visit.start()).isEqualTo(START.plus(Duration.ofHours(2)));
			assertThat(visit.end()).isEqualTo(START.plus(Duration.ofHours(3)));
			assertThat(visit.sequence()).isEqualTo(1);
		}

		@Test
		void isCancelledWithAReasonBeforeItStarts() {
			Appointment visit = booked();
			visit.cancel("  feeling better ", BEFORE);

			assertThat(visit.status()).isEqualTo(AppointmentStatus.CANCELLED);
			assertThat(visit.cancellationReason()).isEqualTo("feeling better");
			assertThat(visit.live()).isFalse();
		}

		@Test
		void raisesItsSequenceWhenCancelledSoTheCancellationReplacesTheInvitation() {
			Appointment visit = booked();
			visit.moveTo(slot(START.plus(Duration.ofHours(2))), BEFORE);

			visit.cancel("patient", BEFORE);

			assertThat(visit.sequence()).isEqualTo(2);
		}

		@Test
		void cannotBeCancelledOrMovedOnceStarted() {
			Appointment visit = booked();
			assertThatThrownBy(() -> visit.cancel(null, AFTER)).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(() -> visit.moveTo(slot(START.plus(Duration.ofDays(1))), AFTER))
				.isInstanceOf(TransitionNotAllowed.class);
			assertThat(visit.status()).isEqualTo(AppointmentStatus.BOOKED);
		}

		@Test
		void goesThroughArrivalAndCheckInToFulfilled() {
			Appointment visit = booked();
			visit.arrive();
			visit.checkIn();
			visit.fulfil();
			assertThat(visit.status()).isEqualTo(AppointmentStatus.FULFILLED);
			assertThat(visit.live()).isTrue();
		}

		@Test
		void isMarkedNoShowOnlyAfterItsStart() {
			Appointment visit = booked();
			assertThatThrownBy(() -> visit.markNoShow(BEFORE)).isInstanceOf(TransitionNotAllowed.class);
			visit.markNoShow(AFTER);
			assertThat(visit.status()).isEqualTo(AppointmentStatus.NOSHOW);
		}

	}

	@Nested
	class ACancelledVisit {

		@Test
		void refusesEveryFurtherChange() {
			Appointment visit = booked();
			visit.cancel(null, BEFORE);

			assertThatThrownBy(() -> visit.cancel(null, BEFORE)).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(() -> visit.moveTo(slot(START), BEFORE)).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(visit::arrive).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(visit::checkIn).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(visit::fulfil).isInstanceOf(TransitionNotAllowed.class);
			assertThatThrownBy(() -> visit.markNoShow(AFTER)).isInstanceOf(TransitionNotAllowed.class);
		}

	}

	@Test
	void usesTheFhirCodesForItsStates() {
		assertThat(List.of(AppointmentStatus.values())).extracting(AppointmentStatus::code)
			.containsExactly("pending", "booked", "arrived", "checked-in", "fulfilled", "cancelled", "noshow");
	}

	static Appointment booked() {
		return Appointment.book(slot(START), PatientId.of(UUID.randomUUID()), null, new byte[] { 1 });
	}

	static SlotCheck slot(Instant start) {
		CareService massage = new CareService("swedish-60", "Swedish massage, 60 minutes", ServiceCategory.MASSAGE, "",
				Duration.ofMinutes(60), Duration.ZERO, Duration.ofMinutes(15), RoomKind.MASSAGE_ROOM, true, false,
				10500, List.of("97124"), null, Duration.ofHours(2), 400, Duration.ofMinutes(15), Set.of("LMT"));
		Instant end = start.plus(massage.duration());
		return new SlotCheck(SlotVerdict.FREE, massage, LocationId.of("montclair"), PractitionerId.of("ana"),
				ZoneId.of("America/New_York"), start, end, start, end.plus(massage.bufferAfter()), List.of("room-1"),
				false);
	}

}
