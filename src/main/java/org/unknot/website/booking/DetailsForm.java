package org.unknot.website.booking;

import java.time.LocalDate;

import org.unknot.patient.BirthDate;
import org.unknot.patient.PatientDetails;
import org.unknot.system.InvalidRequest;

/**
 * Name, email, phone and birth date as typed; {@link PatientDetails} says what is wrong
 * with them.
 */
record DetailsForm(String givenName, String familyName, String email, String phone, String birthDate) {

	static DetailsForm of(Draft draft) {
		return new DetailsForm(draft.givenName, draft.familyName, draft.email, draft.phone,
				draft.birthDate == null ? null : new BirthDate(LocalDate.parse(draft.birthDate)).asTyped());
	}

	PatientDetails details() {
		return new PatientDetails(givenName, familyName, email, phone,
				BirthDate.read(birthDate).map(BirthDate::value).orElse(null));
	}

	/** Which date the birth date was read as, or how to write one. */
	public String birthDateHint() {
		return BirthDate.hint(birthDate);
	}

	/**
	 * Keeps the details as they will be stored: the phone in E.164.
	 * @throws InvalidRequest naming each problem by its field, in the order of the form
	 */
	void copyTo(Draft draft, LocalDate today) {
		PatientDetails details = PatientDetails.typed(givenName, familyName, email, phone, birthDate, today);
		draft.givenName = details.givenName();
		draft.familyName = details.familyName();
		draft.email = email.strip();
		draft.phone = details.phone();
		draft.birthDate = details.birthDate().toString();
	}

}
