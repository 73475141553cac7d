package org.unknot.catalog;

import java.time.LocalDate;

/** Whole local days on which a clinic is closed (holidays, repairs). */
public record ClinicClosure(String clinicId, LocalDate firstDay, LocalDate lastDay, String reason) {

	public ClinicClosure {
		if (lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("A closure ends on or after it starts");
		}
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}
}
