package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.waitlist.WaitlistStore.Opening;

/** A freed time is open until it is filled or exhausted, and then stays as it is. */
class WaitlistOpeningTests {

	static final Instant START = Instant.parse("2027-03-15T14:00:00Z");

	@Nested
	class WhenOpen {

		Opening opening = opening("open");

		@Test
		void isFilled() {
			assertThat(opening.fill().status()).isEqualTo("filled");
			assertThat(opening.fill().isFilled()).isTrue();
		}

		@Test
		void isExhausted() {
			assertThat(opening.exhaust().status()).isEqualTo("exhausted");
			assertThat(opening.exhaust().isOpen()).isFalse();
		}

		@Test
		void hasBegunFromItsStart() {
			assertThat(opening.hasBegunAt(START.minusSeconds(1))).isFalse();
			assertThat(opening.hasBegunAt(START)).isTrue();
		}

	}

	@Nested
	class WhenSettled {

		@Test
		void refusesToBeFilledOrExhaustedAgain() {
			for (String settled : new String[] { "filled", "exhausted" }) {
				assertThatThrownBy(opening(settled)::fill).isInstanceOf(WaitlistTransitionNotAllowed.class)
					.hasMessageContaining("cannot be filled: it is " + settled);
				assertThatThrownBy(opening(settled)::exhaust).isInstanceOf(WaitlistTransitionNotAllowed.class)
					.hasMessageContaining("cannot be exhausted: it is " + settled);
			}
		}

	}

	static Opening opening(String status) {
		return new Opening(UUID.randomUUID(), "massage-60", "p-1", "clinic-1", START, status);
	}

}
