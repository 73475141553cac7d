package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.DomainProblem;

/**
 * A place in line changes only through its verbs, and each refuses a state it does not
 * fit.
 */
class WaitlistEntryTests {

	static final UUID APPOINTMENT = UUID.randomUUID();

	@Nested
	class WhenWaiting {

		WaitlistEntry entry = entry("waiting");

		@Test
		void isOfferedATime() {
			assertThat(entry.offer().status()).isEqualTo("offered");
		}

		@Test
		void withdraws() {
			assertThat(entry.withdraw().status()).isEqualTo("withdrawn");
		}

		@Test
		void isActive() {
			assertThat(entry.isActive()).isTrue();
		}

		@Test
		void refusesToGoBackInLineItNeverLeft() {
			assertRefused(entry::backInLine, "go back in line");
		}

		@Test
		void refusesABookingWithoutAnOffer() {
			assertRefused(() -> entry.book(APPOINTMENT), "be booked");
		}

	}

	@Nested
	class WhenOffered {

		WaitlistEntry entry = entry("offered");

		@Test
		void goesBackInLineInItsOldPlace() {
			WaitlistEntry back = entry.backInLine();

			assertThat(back.status()).isEqualTo("waiting");
			assertThat(back.position()).isEqualTo(entry.position());
		}

		@Test
		void isBookedWithTheAppointment() {
			WaitlistEntry booked = entry.book(APPOINTMENT);

			assertThat(booked.status()).isEqualTo("booked");
			assertThat(booked.appointmentId()).isEqualTo(APPOINTMENT);
			assertThat(booked.isActive()).isFalse();
		}

		@Test
		void withdraws() {
			assertThat(entry.withdraw().status()).isEqualTo("withdrawn");
		}

		@Test
		void refusesASecondOffer() {
			assertRefused(entry::offer, "be offered a time");
		}

	}

	@Nested
	class WhenWithdrawn {

		WaitlistEntry entry = entry("withdrawn");

		@Test
		void staysOutOfLineWhenItsOfferPasses() {
			assertThat(entry.backInLine()).isEqualTo(entry);
		}

		@Test
		void mayStillTakeTheOfferItHeldWhenItLeft() {
			assertThat(entry.book(APPOINTMENT).status()).isEqualTo("booked");
		}

		@Test
		void refusesAnOffer() {
			assertRefused(entry::offer, "be offered a time");
		}

		@Test
		void refusesToWithdrawAgain() {
			assertRefused(entry::withdraw, "be withdrawn");
		}

		@Test
		void isNotActive() {
			assertThat(entry.isActive()).isFalse();
		}

	}

	@Nested
	class WhenBooked {

		WaitlistEntry entry = entry("booked");

		@Test
		void refusesEveryVerb() {
			assertRefused(entry::offer, "be offered a time");
			assertRefused(entry::backInLine, "go back in line");
			assertRefused(() -> entry.book(UUID.randomUUID()), "be booked");
			assertRefused(entry::withdraw, "be withdrawn");
		}

	}

	static void assertRefused(Runnable verb, String what) {
		assertThatThrownBy(verb::run).isInstanceOf(WaitlistTransitionNotAllowed.class)
			.hasMessageContaining("cannot " + what)
			.satisfies(e -> assertThat(((DomainProblem) e).kind()).isEqualTo(DomainProblem.Kind.CONFLICT))
			.satisfies(e -> assertThat(((DomainProblem) e).type()).isEqualTo("transition-not-allowed"));
	}

	static WaitlistEntry entry(String status) {
		return new WaitlistEntry(UUID.randomUUID(), 7, UUID.randomUUID(), "massage-60", null, null,
				LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 19), LocalTime.of(9, 0), LocalTime.of(12, 0), status,
				null, Instant.parse("2027-03-01T10:00:00Z"));
	}

}
