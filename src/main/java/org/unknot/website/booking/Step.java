package org.unknot.website.booking;

import java.util.Arrays;
import java.util.List;

/** The steps of the booking flow, in order, and which one a draft needs next. */
enum Step {

	SERVICE("service", "Treatment"), WHERE("where", "Clinic or video"), WHO("who", "Practitioner"),
	WHEN("when", "Day and time"), DETAILS("details", "Your details"), INSURANCE("insurance", "Insurance"),
	INTAKE("intake", "Health questions"), REVIEW("review", "Review");

	private final String path;

	private final String title;

	Step(String path, String title) {
		this.path = path;
		this.title = title;
	}

	public String path() {
		return path;
	}

	public String title() {
		return title;
	}

	public int number() {
		return ordinal() + 1;
	}

	static List<Step> all() {
		return Arrays.asList(values());
	}

	/** The first step whose answer the draft lacks (review when it has them all). */
	static Step firstMissing(Draft draft) {
		if (draft.service == null) {
			return SERVICE;
		}
		if (draft.location == null) {
			return WHERE;
		}
		if (draft.practitioner == null) {
			return WHO;
		}
		if (draft.start == null) {
			return WHEN;
		}
		if (draft.email == null) {
			return DETAILS;
		}
		if (draft.plan == null) {
			return INSURANCE;
		}
		if (!draft.intakeDone) {
			return INTAKE;
		}
		return REVIEW;
	}

	/**
	 * Whether the draft has what this step needs before it, and is not booked yet: the
	 * one guard of every step's page and post; when it fails,
	 * {@code ChoiceController.next} says where to go instead (the confirmation, once
	 * booked).
	 */
	boolean reachable(Draft draft) {
		return !draft.isBooked() && firstMissing(draft).ordinal() >= ordinal();
	}

}
