package org.unknot.website.booking;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.unknot.patient.PatientDetails;
import org.unknot.system.EmailAddress;

/**
 * Name, email, phone and birth date as typed, and what is wrong with them in plain words.
 */
record DetailsForm(String givenName, String familyName, String email, String phone, String birthDate) {

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\-.\\s]+");

	static DetailsForm of(Draft draft) {
		return new DetailsForm(draft.givenName, draft.familyName, draft.email, draft.phone, draft.birthDate);
	}

	Map<String, String> problems(LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (blank(givenName) || givenName.strip().length() > 100) {
			problems.put("givenName", "Please enter your first name.");
		}
		if (blank(familyName) || familyName.strip().length() > 100) {
			problems.put("familyName", "Please enter your last name.");
		}
		if (blank(email)) {
			problems.put("email", "Please enter your email address; we send your confirmation there.");
		}
		else if (!EmailAddress.looksValid(email)) {
			problems.put("email", "Please enter an email address like name@example.com.");
		}
		if (blank(phone)) {
			problems.put("phone", "Please enter a phone number, so the clinic can reach you if something changes.");
		}
		else if (!PHONE.matcher(phone).matches() || digits(phone) < 10 || digits(phone) > 15) {
			problems.put("phone", "Please enter a phone number with its area code, like (973) 555-0100.");
		}
		Optional<LocalDate> born = parsedBirthDate();
		if (blank(birthDate)) {
			problems.put("birthDate", "Please enter your date of birth.");
		}
		else if (born.isEmpty()) {
			problems.put("birthDate", "Please enter your date of birth as a date, like 1985-04-02.");
		}
		else if (born.get().isAfter(today) || born.get().isBefore(today.minusYears(120))) {
			problems.put("birthDate", "Please check your date of birth: it is not a date someone alive was born.");
		}
		return problems;
	}

	PatientDetails details() {
		return new PatientDetails(givenName, familyName, email, phone, parsedBirthDate().orElseThrow());
	}

	void copyTo(Draft draft) {
		draft.givenName = givenName.strip();
		draft.familyName = familyName.strip();
		draft.email = email.strip();
		draft.phone = phone.strip();
		draft.birthDate = parsedBirthDate().orElseThrow().toString();
	}

	private Optional<LocalDate> parsedBirthDate() {
		try {
			return blank(birthDate) ? Optional.empty() : Optional.of(LocalDate.parse(birthDate.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static long digits(String value) {
		return value.chars().filter(Character::isDigit).count();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
