package org.unknot.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as a US patient types it: month first with slashes or dashes
 * ({@code 04/02/1985}, {@code 4/2/1985}, {@code 04-02-1985}, or {@code 04021985} as keyed
 * into a date field), or ISO ({@code 1985-04-02}, what a browser's date picker sends).
 * Read once here for every form, and said back in words ("April 2, 1985") so the patient
 * sees which date was understood.
 */
public record BirthDate(LocalDate value) {

	private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");

	private static final Pattern DIGITS_ONLY = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

	private static final DateTimeFormatter AS_TYPED = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.US);

	/** How the forms ask for it. */
	public static final String EXAMPLE = "04/02/1985";

	public BirthDate {
		Objects.requireNonNull(value, "value");
	}

	/** The date typed, if it is one in a form this reads; empty for anything else. */
	public static Optional<BirthDate> read(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String text = typed.strip();
		Matcher monthFirst = MONTH_FIRST.matcher(text);
		if (monthFirst.matches()) {
			return date(monthFirst.group(4), monthFirst.group(1), monthFirst.group(3));
		}
		Matcher digits = DIGITS_ONLY.matcher(text);
		if (digits.matches()) {
			return date(digits.group(3), digits.group(1), digits.group(2));
		}
		Matcher iso = ISO.matcher(text);
		if (iso.matches()) {
			return date(iso.group(1), iso.group(2), iso.group(3));
		}
		return Optional.empty();
	}

	/** "April 2, 1985" */
	public String inWords() {
		return IN_WORDS.format(value);
	}

	/** "04/02/1985": what a form shows again in the field. */
	public String asTyped() {
		return AS_TYPED.format(value);
	}

	/**
	 * The hint beside a birth-date field: which date the text was read as, or how to
	 * write one.
	 */
	public static String hint(String typed) {
		return read(typed).map(date -> "We read this as " + date.inWords() + ".")
			.orElse("Month, day and year, for example " + EXAMPLE + ".");
	}

	private static Optional<BirthDate> date(String year, String month, String day) {
		try {
			return Optional.of(new BirthDate(
					LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))));
		}
		catch (DateTimeException notADay) {
			return Optional.empty();
		}
	}

}
