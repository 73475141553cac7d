package org.unknot.practitioner;

/**
 * National Provider Identifiers: ten digits whose last is a Luhn check digit computed
 * over the prefix 80840 and the first nine digits (CMS's NPI check digit rule).
 */
public final class Npi {

	private Npi() {
	}

	public static boolean valid(String npi) {
		if (npi == null || !npi.matches("\\d{10}")) {
			return false;
		}
		String digits = "80840" + npi;
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
