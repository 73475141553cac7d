package org.unknot.catalog;

import java.util.Objects;

import org.unknot.system.InvalidRequest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a visit happens: a clinic, by its id, or {@code virtual} for a video visit. */
public record LocationId(@JsonValue String value) {

	public static final LocationId VIRTUAL = new LocationId("virtual");

	public LocationId {
		Objects.requireNonNull(value, "location");
		if (value.isBlank()) {
			throw new InvalidRequest("location", "A location is a clinic id or 'virtual'.");
		}
	}

	public static LocationId of(String value) {
		return "virtual".equals(value) ? VIRTUAL : new LocationId(value);
	}

	public static LocationId ofClinic(String clinicId) {
		return clinicId == null ? VIRTUAL : new LocationId(clinicId);
	}

	public boolean isVirtual() {
		return VIRTUAL.value.equals(value);
	}

	/** The clinic id, or null for a video visit (as stored). */
	public String clinicIdOrNull() {
		return isVirtual() ? null : value;
	}

	@Override
	public String toString() {
		return value;
	}
}
