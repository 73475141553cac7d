package org.unknot.catalog;

import org.unknot.system.InvalidRequest;

import com.fasterxml.jackson.annotation.JsonValue;

/** A care service of the catalog, by the id that names it in addresses and in the API. */
public record ServiceId(@JsonValue String value) {

	public ServiceId {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest("service", "A service is named by its id.");
		}
	}

	public static ServiceId of(String value) {
		return new ServiceId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
