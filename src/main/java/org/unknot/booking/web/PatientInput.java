package org.unknot.booking.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unknot.patient.PatientDetails;

/** The patient as typed into a booking form. */
record PatientInput(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
		@NotBlank @Email @Size(max = 254) String email,
		@Pattern(regexp = "^[+()0-9 .\\-]{7,25}$",
				message = "must be a phone number of digits, spaces, +, -, ( or )") String phone,
		@NotNull @Past LocalDate birthDate) {

	PatientDetails details() {
		return new PatientDetails(givenName, familyName, email, phone, birthDate);
	}
}
