package org.unknot.payment.web;

import java.time.Duration;

import org.unknot.payment.PaymentPolicy;
import org.unknot.system.Money;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** A service's payment policy as typed by an admin; amounts in dollars and cents. */
record PolicyForm(String due, String deposit, String depositPercent, String lateWindowHours, String lateFee,
		String noShowFee) implements PageForm {

	private static final String AMOUNT = "Type an amount in dollars and cents, such as 40.00, or 0 for none.";

	static PolicyForm of(PaymentPolicy policy) {
		return new PolicyForm(policy.due().name(), policy.deposit() == null ? "" : plain(policy.deposit()),
				policy.depositPercent() == null ? "" : policy.depositPercent().toString(),
				Long.toString(policy.lateWindow().toHours()), plain(policy.lateFee()), plain(policy.noShowFee()));
	}

	/** The policy typed, or null with a message beside each field that is not right. */
	PaymentPolicy policy(String serviceId, FieldMessages messages) {
		PaymentPolicy.Due chosen = messages.choice("due", PaymentPolicy.Due.class, due,
				"Choose when the price is paid.");
		Money depositAmount = null;
		Integer percent = null;
		if (chosen == PaymentPolicy.Due.DEPOSIT) {
			boolean amountTyped = deposit != null && !deposit.isBlank();
			boolean percentTyped = depositPercent != null && !depositPercent.isBlank();
			if (amountTyped == percentTyped) {
				messages.add("deposit", "Give the deposit either as an amount or as a percentage (not both).");
			}
			else if (amountTyped) {
				depositAmount = amount("deposit", deposit, messages);
			}
			else {
				percent = messages.wholeNumber("depositPercent", depositPercent);
			}
		}
		Integer hours = messages.wholeNumber("lateWindowHours", lateWindowHours);
		Money late = amount("lateFee", lateFee, messages);
		Money missed = amount("noShowFee", noShowFee, messages);
		if (!messages.isEmpty()) {
			return null;
		}
		return new PaymentPolicy(serviceId, chosen, depositAmount, percent, Duration.ofHours(hours), late, missed);
	}

	private static Money amount(String field, String typed, FieldMessages messages) {
		Money amount = Money.parse(typed, Money.USD).orElse(null);
		if (amount == null) {
			messages.add(field, AMOUNT);
		}
		return amount;
	}

	private static String plain(Money money) {
		return money.amount().toPlainString();
	}

}
