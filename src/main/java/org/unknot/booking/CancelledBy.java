package org.unknot.booking;

/**
 * Who cancelled a visit: what a cancellation costs depends on it (a patient cancelling
 * late owes the fee; the clinic cancelling never makes the patient pay).
 */
public enum CancelledBy {

	/** The patient, through the website, the portal or the API with the visit's token. */
	PATIENT,
	/** A staff member for the clinic (a caller on the phone, the practitioner ill). */
	STAFF,
	/** Unknot itself, on no one's request. */
	SYSTEM

}
