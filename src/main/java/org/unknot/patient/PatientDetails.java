package org.unknot.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.unknot.system.EmailAddress;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Who a patient is, checked once for every form and request that takes it: names required
 * and at most {@value #NAME_MAX} characters, an email address, a phone number (optional
 * everywhere: the confirmation goes by email) kept in E.164, and a birth date someone
 * alive could have, typed as a US patient writes it ({@link BirthDate}). The email is
 * compared without regard to case. Each problem is named by its field, in words the
 * patient reads.
 */
public record PatientDetails(String givenName, String familyName, String email, String phone, LocalDate birthDate) {

	public static final int NAME_MAX = 100;

	/** The oldest age a birth date may give. */
	static final int AGE_MAX = 120;

	private static final FieldProblem PHONE_PROBLEM = new FieldProblem("phone",
			"Please enter a phone number with its area code, like (973) 555-0100, or leave it empty.");

	public PatientDetails {
		Optional<PhoneNumber> readPhone = readPhone(phone);
		List<FieldProblem> problems = new ArrayList<>(contactProblems(givenName, familyName, phone, readPhone));
		emailProblem(email).ifPresent(problems::add);
		if (birthDate == null) {
			problems.add(new FieldProblem("birthDate", "Please enter your date of birth."));
		}
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		givenName = givenName.strip();
		familyName = familyName.strip();
		email = email.strip().toLowerCase(Locale.ROOT);
		phone = readPhone.map(PhoneNumber::value).orElse(null);
	}

	/**
	 * The details as a person typed them on a given day, or an {@link InvalidRequest}
	 * naming every field that is wrong.
	 */
	public static PatientDetails typed(String givenName, String familyName, String email, String phone,
			String birthDate, LocalDate today) {
		List<FieldProblem> problems = problems(givenName, familyName, email, phone, birthDate, today);
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		return new PatientDetails(givenName, familyName, email, phone, BirthDate.read(birthDate).orElseThrow().value());
	}

	/** Every problem with the details as typed, in the order of a form; none if fine. */
	public static List<FieldProblem> problems(String givenName, String familyName, String email, String phone,
			String birthDate, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		nameProblem("givenName", givenName, "first name").ifPresent(problems::add);
		nameProblem("familyName", familyName, "last name").ifPresent(problems::add);
		emailProblem(email).ifPresent(problems::add);
		phoneProblem(phone).ifPresent(problems::add);
		birthDateProblem(birthDate, today).ifPresent(problems::add);
		return problems;
	}

	/**
	 * The phone as typed, read once: libphonenumber's parse is the costliest of a
	 * booking's checks.
	 */
	private static Optional<PhoneNumber> readPhone(String phone) {
		return blank(phone) ? Optional.empty() : PhoneNumber.parse(phone);
	}

	private static List<FieldProblem> contactProblems(String givenName, String familyName, String phone,
			Optional<PhoneNumber> readPhone) {
		List<FieldProblem> problems = new ArrayList<>();
		nameProblem("givenName", givenName, "first name").ifPresent(problems::add);
		nameProblem("familyName", familyName, "last name").ifPresent(problems::add);
		if (!blank(phone) && readPhone.isEmpty()) {
			problems.add(PHONE_PROBLEM);
		}
		return problems;
	}

	private static Optional<FieldProblem> nameProblem(String field, String value, String words) {
		if (blank(value)) {
			return Optional.of(new FieldProblem(field, "Please enter your " + words + "."));
		}
		if (value.strip().length() > NAME_MAX) {
			return Optional
				.of(new FieldProblem(field, "Please keep your " + words + " to " + NAME_MAX + " characters."));
		}
		return Optional.empty();
	}

	private static Optional<FieldProblem> emailProblem(String email) {
		if (blank(email)) {
			return Optional
				.of(new FieldProblem("email", "Please enter your email address; we send your confirmation there."));
		}
		if (!EmailAddress.looksValid(email)) {
			return Optional.of(new FieldProblem("email", "Please enter an email address like name@example.com."));
		}
		return Optional.empty();
	}

	private static Optional<FieldProblem> phoneProblem(String phone) {
		if (blank(phone) || PhoneNumber.parse(phone).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(PHONE_PROBLEM);
	}

	private static Optional<FieldProblem> birthDateProblem(String typed, LocalDate today) {
		if (blank(typed)) {
			return Optional.of(new FieldProblem("birthDate", "Please enter your date of birth."));
		}
		Optional<BirthDate> read = BirthDate.read(typed);
		if (read.isEmpty()) {
			return Optional
				.of(new FieldProblem("birthDate", "Please enter your date of birth as month, day and year, like "
						+ BirthDate.EXAMPLE + " for April 2, 1985."));
		}
		LocalDate born = read.get().value();
		if (born.isAfter(today) || born.isBefore(today.minusYears(AGE_MAX))) {
			return Optional.of(new FieldProblem("birthDate",
					"Please check your date of birth: it is not a date someone alive was born."));
		}
		return Optional.empty();
	}

	private static InvalidRequest refused(List<FieldProblem> problems) {
		return new InvalidRequest("The patient's details cannot be used as entered.", problems);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * How the practice addresses and reaches a patient, checked like the details: what a
	 * patient may change themselves.
	 */
	public record Contact(String givenName, String familyName, String phone) {

		public Contact {
			Optional<PhoneNumber> readPhone = readPhone(phone);
			List<FieldProblem> problems = contactProblems(givenName, familyName, phone, readPhone);
			if (!problems.isEmpty()) {
				throw refused(problems);
			}
			givenName = givenName.strip();
			familyName = familyName.strip();
			phone = readPhone.map(PhoneNumber::value).orElse(null);
		}

	}

}
