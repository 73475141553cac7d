package org.unknot.catalog;

/**
 * A clinic's employer identification number (EIN), which superbills and claims name: two
 * digits, a hyphen and seven digits (12-3456789). Typed without the hyphen, it is kept
 * with it.
 */
public final class TaxId {

	static final String RULE = "Enter the EIN as two digits, a hyphen and seven digits, like 12-3456789.";

	private TaxId() {
	}

	public static boolean valid(String taxId) {
		return taxId != null && taxId.matches("[0-9]{2}-[0-9]{7}");
	}

	static boolean validOrBlank(String typed) {
		return typed == null || typed.isBlank() || normalized(typed) != null;
	}

	/** The EIN as stored, or null when blank or not an EIN. */
	static String normalized(String typed) {
		if (typed == null) {
			return null;
		}
		String plain = typed.strip();
		if (plain.matches("[0-9]{9}")) {
			plain = plain.substring(0, 2) + "-" + plain.substring(2);
		}
		return valid(plain) ? plain : null;
	}

}
