package org.unknot.booking;

import java.util.Arrays;

/** The FHIR R4 appointment states that apply here; a hold is {@code pending}. */
public enum AppointmentStatus {

	PENDING("pending", "Held, not yet booked"), BOOKED("booked", "Booked"), ARRIVED("arrived", "Arrived"),
	CHECKED_IN("checked-in", "Checked in"), FULFILLED("fulfilled", "Done"), CANCELLED("cancelled", "Cancelled"),
	NOSHOW("noshow", "No-show");

	private final String code;

	private final String label;

	AppointmentStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The state in the front desk's words ("Checked in"). */
	public String label() {
		return label;
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

	/** The state stored under this FHIR code; an unknown code is a programming error. */
	public static AppointmentStatus ofCode(String code) {
		return Arrays.stream(values())
			.filter(status -> status.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown appointment status " + code));
	}

}
