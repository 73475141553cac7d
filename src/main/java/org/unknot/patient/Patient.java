package org.unknot.patient;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient on record. The phone is in E.164, or as typed for a number kept from before
 * numbers were checked that reads as none.
 */
public record Patient(UUID id, String givenName, String familyName, String email, String phone, LocalDate birthDate) {

	/**
	 * The details on record, to book the patient again. A phone kept from before numbers
	 * were checked that is no number is left out: booking keeps the stored one.
	 */
	public PatientDetails details() {
		return new PatientDetails(givenName, familyName, email,
				PhoneNumber.parse(phone).map(PhoneNumber::value).orElse(null), birthDate);
	}

}
