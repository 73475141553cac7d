package org.unknot.booking;

/**
 * Who cancelled a visit: what a cancellation costs depends on it (a patient cancelling
 * late owes the fee; the clinic cancelling never makes the patient pay). Unknot never
 * cancels a visit on its own: an unpaid deposit leaves the visit booked and owing, an
 * expired hold was never a visit, so every cancellation has a person behind it.
 */
public enum CancelledBy {

	/** The patient, through the website, the portal or the API with the visit's token. */
	PATIENT,
	/** A staff member for the clinic (a caller on the phone, the practitioner ill). */
	STAFF

}
