package org.unknot.practitioner;

import java.time.LocalDate;

/**
 * A state licence to practise, valid from its issue date to its expiry date, both
 * inclusive.
 */
public record Licence(String type, String number, String state, LocalDate issuedOn, LocalDate expiresOn) {

	public Licence {
		if (expiresOn.isBefore(issuedOn)) {
			throw new IllegalArgumentException("A licence expires on or after its issue date");
		}
	}

	public boolean validOn(LocalDate day) {
		return !day.isBefore(issuedOn) && !day.isAfter(expiresOn);
	}

	public boolean expiresWithin(LocalDate today, int days) {
		return !expiresOn.isBefore(today) && !expiresOn.isAfter(today.plusDays(days));
	}
}
