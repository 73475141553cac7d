package org.unknot.website.booking;

/**
 * What the first three steps post: the treatment, the place (a clinic id or
 * {@code virtual}) and the practitioner (an id or {@link Draft#FIRST_AVAILABLE}); each
 * step sends its own field and leaves the others out.
 */
record ChoiceForm(String service, String location, String practitioner) {

	static final String NO_SERVICE = "Please choose a treatment.";

	static final String NO_LOCATION = "Please choose a clinic or a video visit.";

	static final String NO_PRACTITIONER = "Please choose a practitioner, or first available.";

}
