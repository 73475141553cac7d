package org.unknot.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of one currency, kept as whole minor units (cents for USD), never as a
 * floating-point number. Adding or comparing two currencies is refused rather than
 * guessed; a share of an amount rounds half up to the minor unit.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

	/** The currency of the demo network and of the catalogue's prices. */
	public static final Currency USD = Currency.getInstance("USD");

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(long minorUnits, Currency currency) {
		return new Money(minorUnits, currency);
	}

	public static Money usd(long cents) {
		return new Money(cents, USD);
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	/**
	 * Reads an amount as a person types it ("45", "45.5", "$1,045.50"); empty when it is
	 * not an amount of this currency or has more decimals than the currency has.
	 */
	public static java.util.Optional<Money> parse(String typed, Currency currency) {
		if (typed == null) {
			return java.util.Optional.empty();
		}
		String plain = typed.strip().replace(",", "").replace(currency.getSymbol(Locale.US), "").strip();
		if (plain.isEmpty() || !plain.matches("\\d{1,9}(\\.\\d+)?")) {
			return java.util.Optional.empty();
		}
		BigDecimal amount = new BigDecimal(plain);
		if (amount.scale() > currency.getDefaultFractionDigits()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional
			.of(new Money(amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency));
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(minorUnits, same(other).minorUnits), currency);
	}

	public Money minus(Money other) {
		return new Money(Math.subtractExact(minorUnits, same(other).minorUnits), currency);
	}

	public Money times(long count) {
		return new Money(Math.multiplyExact(minorUnits, count), currency);
	}

	/** This share of the amount, in percent, rounded half up to the minor unit. */
	public Money percent(int percent) {
		BigDecimal share = BigDecimal.valueOf(minorUnits)
			.multiply(BigDecimal.valueOf(percent))
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
		return new Money(share.longValueExact(), currency);
	}

	public Money negated() {
		return new Money(Math.negateExact(minorUnits), currency);
	}

	public boolean isZero() {
		return minorUnits == 0;
	}

	public boolean isPositive() {
		return minorUnits > 0;
	}

	public boolean isNegative() {
		return minorUnits < 0;
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	/** The amount as a decimal in major units, e.g. 45.50 for 4550 cents. */
	public BigDecimal amount() {
		return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
	}

	/**
	 * As people in the US read a price, the one way Unknot writes amounts (pages, policy
	 * words, receipts): "$95" for whole dollars, "$95.50" otherwise, "-$20" below zero.
	 */
	public String inWords() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(currency);
		if (minorUnits % BigDecimal.ONE.movePointRight(currency.getDefaultFractionDigits()).longValueExact() == 0) {
			format.setMinimumFractionDigits(0);
			format.setMaximumFractionDigits(0);
		}
		return format.format(amount());
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(minorUnits, same(other).minorUnits);
	}

	@Override
	public String toString() {
		return amount().toPlainString() + " " + currency.getCurrencyCode();
	}

	private Money same(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
		}
		return other;
	}

}
