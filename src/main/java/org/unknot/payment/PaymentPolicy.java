package org.unknot.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.unknot.system.InvalidRequest;
import org.unknot.system.Money;

/**
 * What a service asks to be paid and when, and what a late cancellation or a missed visit
 * costs. A deposit is either an amount or a percentage of the price, never both.
 *
 * @param lateWindow cancelling less than this before the start is late (zero: never)
 */
public record PaymentPolicy(String serviceId, Due due, Money deposit, Integer depositPercent, Duration lateWindow,
		Money lateFee, Money noShowFee) {

	/** When the price of a visit is asked for. */
	public enum Due {

		AT_BOOKING("Pay when you book"), DEPOSIT("A deposit when you book, the rest at the visit"),
		AT_VISIT("Pay at the visit");

		private final String label;

		Due(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public PaymentPolicy {
		Objects.requireNonNull(serviceId, "serviceId");
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(lateWindow, "lateWindow");
		Objects.requireNonNull(lateFee, "lateFee");
		Objects.requireNonNull(noShowFee, "noShowFee");
		if (due == Due.DEPOSIT && (deposit == null) == (depositPercent == null)) {
			throw new InvalidRequest("deposit", "Give the deposit either as an amount or as a percentage.");
		}
		if (due != Due.DEPOSIT) {
			deposit = null;
			depositPercent = null;
		}
		if (deposit != null && !deposit.isPositive()) {
			throw new InvalidRequest("deposit", "A deposit is more than nothing.");
		}
		if (depositPercent != null && (depositPercent < 1 || depositPercent > 100)) {
			throw new InvalidRequest("depositPercent", "A deposit is 1 to 100 percent of the price.");
		}
		if (lateWindow.isNegative() || lateWindow.compareTo(Duration.ofDays(14)) > 0) {
			throw new InvalidRequest("lateWindowHours", "The window is 0 to 336 hours (two weeks).");
		}
		if (lateFee.isNegative()) {
			throw new InvalidRequest("lateFee", "A fee is not below nothing.");
		}
		if (noShowFee.isNegative()) {
			throw new InvalidRequest("noShowFee", "A fee is not below nothing.");
		}
	}

	/**
	 * What a service asks when nobody has set a policy: payment at the visit, no fees.
	 */
	public static PaymentPolicy payAtVisit(String serviceId) {
		return new PaymentPolicy(serviceId, Due.AT_VISIT, null, null, Duration.ZERO, Money.usd(0), Money.usd(0));
	}

	/** What is asked when booking a visit of this price. */
	public Money dueAtBooking(Money price) {
		return switch (due) {
			case AT_BOOKING -> price;
			case DEPOSIT -> deposit != null ? deposit.min(price) : price.percent(depositPercent);
			case AT_VISIT -> Money.zero(price.currency());
		};
	}

	/** Whether cancelling this long before the start is late. */
	public boolean late(Duration beforeStart) {
		return !lateWindow.isZero() && beforeStart.compareTo(lateWindow) < 0;
	}

	/** The policy in plain words, for a visit of this price, as shown before booking. */
	public List<String> inWords(Money price) {
		List<String> words = new ArrayList<>();
		Money atBooking = dueAtBooking(price);
		switch (due) {
			case AT_BOOKING -> words.add("The full price, " + price.inWords() + ", is due when you book.");
			case DEPOSIT -> words.add("A deposit of " + atBooking.inWords() + " is due when you book; the rest, "
					+ price.minus(atBooking).inWords() + ", at the visit.");
			case AT_VISIT -> words.add("You pay " + price.inWords() + " at the visit.");
		}
		if (lateFee.isPositive() && !lateWindow.isZero()) {
			words.add("Cancelling less than " + hours(lateWindow)
					+ " before the visit costs a late-cancellation fee of " + lateFee.inWords() + ".");
		}
		else {
			words.add("You can cancel free of charge until the visit starts.");
		}
		if (due != Due.AT_VISIT) {
			words.add("Cancelling in time gives back what you paid.");
		}
		if (noShowFee.isPositive()) {
			words.add("Missing the visit without cancelling costs a no-show fee of " + noShowFee.inWords() + ".");
		}
		return words;
	}

	/** Whether the patient is asked to agree to anything before booking. */
	public boolean asksAgreement() {
		return due != Due.AT_VISIT || lateFee.isPositive() || noShowFee.isPositive();
	}

	private static String hours(Duration window) {
		long hours = window.toHours();
		if (window.toMinutes() % 60 != 0) {
			return window.toMinutes() + " minutes";
		}
		return hours == 1 ? "1 hour" : hours + " hours";
	}

}
