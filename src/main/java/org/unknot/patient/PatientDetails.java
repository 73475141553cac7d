package org.unknot.patient;

import java.time.LocalDate;
import java.util.Locale;

/** What a patient tells us when booking. The email is compared without regard to case. */
public record PatientDetails(String givenName, String familyName, String email, String phone, LocalDate birthDate) {

	public PatientDetails {
		if (email == null || email.isBlank() || birthDate == null) {
			throw new IllegalArgumentException("A patient is known by email and birth date");
		}
		email = email.strip().toLowerCase(Locale.ROOT);
		givenName = givenName == null ? "" : givenName.strip();
		familyName = familyName == null ? "" : familyName.strip();
		phone = phone == null || phone.isBlank() ? null : phone.strip();
	}
}
