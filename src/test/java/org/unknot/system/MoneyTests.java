package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void readsAmountsAsPeopleTypeThem() {
		assertThat(Money.parse("45", Money.USD)).contains(Money.usd(4500));
		assertThat(Money.parse(" $1,045.5 ", Money.USD)).contains(Money.usd(104550));
		assertThat(Money.parse("0.07", Money.USD)).contains(Money.usd(7));
	}

	@Test
	void refusesWhatIsNotAnAmountOfTheCurrency() {
		assertThat(Money.parse("12.345", Money.USD)).isEmpty();
		assertThat(Money.parse("-5", Money.USD)).isEmpty();
		assertThat(Money.parse("five", Money.USD)).isEmpty();
		assertThat(Money.parse("", Money.USD)).isEmpty();
		assertThat(Money.parse(null, Money.USD)).isEmpty();
	}

	@Test
	void aShareRoundsHalfUpToTheCent() {
		assertThat(Money.usd(12_345).percent(20)).isEqualTo(Money.usd(2_469));
		assertThat(Money.usd(5).percent(50)).isEqualTo(Money.usd(3));
	}

	@Test
	void isWrittenAsInTheUnitedStates() {
		assertThat(Money.usd(104_550).inWords()).isEqualTo("$1,045.50");
		assertThat(Money.usd(-2_000).inWords()).isEqualTo("-$20");
	}

	@Test
	void aPriceInWholeDollarsLeavesOutTheCents() {
		assertThat(Money.usd(9_500).inWords()).isEqualTo("$95");
		assertThat(Money.usd(9_550).inWords()).isEqualTo("$95.50");
		assertThat(Money.usd(120_000).inWords()).isEqualTo("$1,200");
	}

	@Test
	void neverMixesCurrencies() {
		Money euros = Money.of(100, Currency.getInstance("EUR"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.usd(100).plus(euros));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.usd(100).compareTo(euros));
	}

	@Test
	void addsAndSubtractsExactly() {
		Money total = Money.usd(10).plus(Money.usd(20)).minus(Money.usd(5)).times(3);
		assertThat(total).isEqualTo(Money.usd(75));
		assertThat(total.negated().isNegative()).isTrue();
	}

}
