package org.unknot.website;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A free start time, with what a link into the booking flow needs. */
public record FreeTime(OffsetDateTime start, String serviceId, String location, String locationName,
		String practitionerId) {

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE, MMM d, h:mm a", Locale.US);

	/** "Tue 1 Dec, 9:00 AM", in the location's own time. */
	public String label() {
		return start.format(DAY_AND_TIME);
	}

	/**
	 * The booking flow, with the service, location and practitioner chosen and the time
	 * proposed.
	 */
	public String bookingPath() {
		return "/book?service=" + encode(serviceId) + "&location=" + encode(location) + "&practitioner="
				+ encode(practitionerId) + "&start=" + encode(start.toString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
