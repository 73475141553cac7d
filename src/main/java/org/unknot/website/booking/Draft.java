package org.unknot.website.booking;

import java.util.ArrayList;
import java.util.List;

/**
 * A booking in progress: what the patient has chosen and typed so far, step by step. Kept
 * as JSON in {@code booking_draft}, so back, refresh and a second tab all see the same
 * thing. Choices are kept as typed (strings), and checked again whenever they are used.
 */
class Draft {

	public String service;

	public String location;

	/** A practitioner id, or {@link #FIRST_AVAILABLE}. */
	public String practitioner;

	/** The chosen start, ISO offset date-time, and whose time it is. */
	public String start;

	public String slotPractitioner;

	public String hold;

	public String givenName;

	public String familyName;

	public String email;

	public String phone;

	public String birthDate;

	/** A plan id, or {@link #SELF_PAY}. */
	public String plan;

	public String memberId;

	public List<String> regions = new ArrayList<>();

	public Integer intensity;

	public String duration;

	public List<String> causes = new ArrayList<>();

	public List<String> redFlags = new ArrayList<>();

	public boolean intakeDone;

	public boolean adviceAcknowledged;

	public int repeatEvery;

	public int repeatCount;

	public List<BookedVisit> booked = new ArrayList<>();

	public List<MissedVisit> missed = new ArrayList<>();

	static final String FIRST_AVAILABLE = "any";
	static final String SELF_PAY = "self-pay";

	boolean isBooked() {
		return !booked.isEmpty();
	}

	void chooseService(String serviceId) {
		if (!serviceId.equals(service)) {
			location = null;
			forgetPractitioner();
			adviceAcknowledged = false;
		}
		service = serviceId;
	}

	void chooseLocation(String value) {
		if (!value.equals(location)) {
			forgetPractitioner();
		}
		location = value;
	}

	void choosePractitioner(String value) {
		if (!value.equals(practitioner)) {
			forgetTime();
		}
		practitioner = value;
	}

	/** Forgets the chosen time; the caller releases the hold first. */
	void forgetTime() {
		start = null;
		slotPractitioner = null;
		hold = null;
	}

	private void forgetPractitioner() {
		practitioner = null;
		forgetTime();
	}

	/**
	 * After booking, the answers live with the visit; the draft keeps only what the
	 * confirmation shows.
	 */
	void forgetSensitiveAnswers() {
		memberId = null;
		regions = new ArrayList<>();
		intensity = null;
		duration = null;
		causes = new ArrayList<>();
		redFlags = new ArrayList<>();
	}

	/** A visit booked from this draft, with the secret that manages it. */
	public record BookedVisit(String id, String token) {
	}

	/**
	 * A visit of a series that could not be booked, and free times near it
	 * ("start~practitioner").
	 */
	public record MissedVisit(int occurrence, String start, String reason, List<String> alternatives) {
	}

}
