package org.unknot.patient;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A phone number a text message can reach, in E.164 ({@code +19735550142}). Numbers typed
 * without a country code are read as US numbers: the clinics are in one US state.
 */
public record PhoneNumber(String value) {

	static final String DEFAULT_REGION = "US";

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	/** Longer input is no phone number; libphonenumber refuses it anyway, but later. */
	private static final int TYPED_MAX = 40;

	/**
	 * The last number each thread read. A request reads what it was sent twice in a row:
	 * once when its fields are validated, once when the patient's details are made from
	 * them; libphonenumber's parse is the costliest of a booking's checks.
	 */
	private static final ThreadLocal<Read> LAST_READ = new ThreadLocal<>();

	public PhoneNumber {
		if (value == null || !E164.matcher(value).matches()) {
			throw new IllegalArgumentException("A phone number is kept in E.164, like +19735550142");
		}
	}

	/**
	 * The number typed, however it is spaced or punctuated, if it is a valid number
	 * without an extension.
	 */
	public static Optional<PhoneNumber> parse(String typed) {
		if (typed == null || typed.isBlank() || typed.length() > TYPED_MAX) {
			return Optional.empty();
		}
		Read last = LAST_READ.get();
		if (last != null && last.typed().equals(typed)) {
			return last.number();
		}
		Optional<PhoneNumber> number = parsed(typed);
		LAST_READ.set(new Read(typed, number));
		return number;
	}

	private static Optional<PhoneNumber> parsed(String typed) {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			var number = util.parse(typed.strip(), DEFAULT_REGION);
			if (!util.isValidNumber(number) || number.hasExtension()) {
				return Optional.empty();
			}
			return Optional.of(new PhoneNumber(util.format(number, PhoneNumberFormat.E164)));
		}
		catch (NumberParseException notANumber) {
			return Optional.empty();
		}
	}

	/**
	 * A number as stored: rows written before numbers were checked may hold free text;
	 * what reads as a number is given in E.164, the rest as it was typed.
	 */
	static String read(String stored) {
		if (stored == null || E164.matcher(stored).matches()) {
			return stored; // what Unknot writes: nothing to parse on every read of a
							// patient
		}
		return parse(stored).map(PhoneNumber::value).orElse(stored);
	}

	/**
	 * As people read it: "(973) 555-0142" for a US number, "+44 20 7946 0958" for any
	 * other.
	 */
	public String readable() {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			var number = util.parse(value, DEFAULT_REGION);
			return util.format(number, util.getRegionCodeForNumber(number).equals(DEFAULT_REGION)
					? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException | RuntimeException unreadable) {
			return value;
		}
	}

	/**
	 * A stored number as people read it; free text from before numbers were checked as it
	 * is.
	 */
	public static String readable(String stored) {
		return stored == null ? null : parse(stored).map(PhoneNumber::readable).orElse(stored);
	}

	@Override
	public String toString() {
		return value;
	}

	private record Read(String typed, Optional<PhoneNumber> number) {
	}

}
