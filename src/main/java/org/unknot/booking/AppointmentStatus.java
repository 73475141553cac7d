package org.unknot.booking;

import java.util.Arrays;

/** The FHIR R4 appointment states that apply here; a hold is {@code pending}. */
public enum AppointmentStatus {

	PENDING("pending"), BOOKED("booked"), ARRIVED("arrived"), CHECKED_IN("checked-in"), FULFILLED("fulfilled"),
	CANCELLED("cancelled"), NOSHOW("noshow");

	private final String code;

	AppointmentStatus(String code) {
		this.code = code;
	}

	/** The FHIR code, as stored and as the API shows it. */
	public String code() {
		return code;
	}

	/**
	 * Whether an appointment in this state occupies its practitioner, room and patient.
	 */
	public boolean occupies() {
		return this != CANCELLED && this != NOSHOW;
	}

	static AppointmentStatus ofCode(String code) {
		return Arrays.stream(values())
			.filter(status -> status.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown appointment status " + code));
	}

}
