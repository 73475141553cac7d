package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An offer is open until it is accepted, declined or expires; after that every verb is
 * refused, the patient-facing ones with a kind word.
 */
class WaitlistOfferTests {

	static final Instant EXPIRES = Instant.parse("2027-03-10T10:10:00Z");

	static final UUID APPOINTMENT = UUID.randomUUID();

	@Nested
	class WhenOpen {

		WaitlistOffer offer = offer("open");

		@Test
		void isAcceptedAsTheBookedAppointment() {
			WaitlistOffer accepted = offer.accept(APPOINTMENT);

			assertThat(accepted.status()).isEqualTo("accepted");
			assertThat(accepted.appointmentId()).isEqualTo(APPOINTMENT);
			assertThat(accepted.isAccepted()).isTrue();
		}

		@Test
		void isDeclined() {
			assertThat(offer.decline().status()).isEqualTo("declined");
		}

		@Test
		void expires() {
			assertThat(offer.expire().status()).isEqualTo("expired");
		}

		@Test
		void canBeAcceptedUntilItsHoldRunsOut() {
			offer.requireAcceptableAt(EXPIRES.minusMillis(1));

			assertThat(offer.isDue(EXPIRES.minusMillis(1))).isFalse();
			assertThat(offer.isDue(EXPIRES)).isTrue();
		}

		@Test
		void refusesAnAcceptanceOnceItsHoldRanOut() {
			assertThatThrownBy(() -> offer.requireAcceptableAt(EXPIRES)).isInstanceOf(OfferNotAvailable.class)
				.hasMessageContaining("this offer has run out");
		}

	}

	@Nested
	class WhenAccepted {

		WaitlistOffer offer = offer("accepted");

		@Test
		void refusesASecondAcceptanceAsAlreadyAnswered() {
			assertThatThrownBy(() -> offer.requireAcceptableAt(EXPIRES.minus(Duration.ofMinutes(5))))
				.isInstanceOf(OfferNotAvailable.class)
				.hasMessage("This offer has already been answered.");
			assertThatThrownBy(() -> offer.accept(APPOINTMENT)).isInstanceOf(OfferNotAvailable.class)
				.hasMessage("This offer has already been answered.");
		}

		@Test
		void refusesADecline() {
			assertThatThrownBy(offer::decline).isInstanceOf(OfferNotAvailable.class)
				.hasMessage("This offer has already been answered.");
		}

		@Test
		void refusesToExpire() {
			assertThatThrownBy(offer::expire).isInstanceOf(WaitlistTransitionNotAllowed.class)
				.hasMessageContaining("cannot expire: it is accepted");
		}

	}

	@Nested
	class WhenDeclinedOrExpired {

		@Test
		void refusesAnAcceptanceAsRunOut() {
			for (String ended : new String[] { "declined", "expired" }) {
				assertThatThrownBy(() -> offer(ended).requireAcceptableAt(EXPIRES.minus(Duration.ofMinutes(5))))
					.isInstanceOf(OfferNotAvailable.class)
					.hasMessageContaining("this offer has run out");
				assertThatThrownBy(() -> offer(ended).accept(APPOINTMENT)).isInstanceOf(OfferNotAvailable.class);
			}
		}

		@Test
		void refusesADeclineAndAnExpiry() {
			for (String ended : new String[] { "declined", "expired" }) {
				assertThatThrownBy(offer(ended)::decline).isInstanceOf(OfferNotAvailable.class)
					.hasMessage("This offer has already been answered.");
				assertThatThrownBy(offer(ended)::expire).isInstanceOf(WaitlistTransitionNotAllowed.class)
					.hasMessageContaining("cannot expire: it is " + ended);
			}
		}

	}

	static WaitlistOffer offer(String status) {
		return new WaitlistOffer(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"massage-60", "p-1", "clinic-1", EXPIRES.plus(Duration.ofDays(5)), EXPIRES, status, null);
	}

}
