package org.unknot.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.unknot.catalog.CatalogProperties;
import org.unknot.practitioner.Licence;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;

/**
 * Licences that have expired or expire within {@value #DAYS_AHEAD} days, soonest first.
 */
@Service
public class LicenceWarnings {

	static final int DAYS_AHEAD = 30;

	private final Practitioners practitioners;

	private final CatalogProperties catalog;

	private final Clock clock;

	LicenceWarnings(Practitioners practitioners, CatalogProperties catalog, Clock clock) {
		this.practitioners = practitioners;
		this.catalog = catalog;
		this.clock = clock;
	}

	public record Warning(Practitioner practitioner, Licence licence, boolean expired, long daysLeft) {
	}

	public List<Warning> current() {
		LocalDate today = LocalDate.now(clock.withZone(catalog.virtualZone()));
		List<Warning> warnings = new ArrayList<>();
		for (Practitioner practitioner : practitioners.all()) {
			for (Licence licence : practitioner.licences()) {
				boolean expired = licence.expiresOn().isBefore(today);
				if (expired || licence.expiresWithin(today, DAYS_AHEAD)) {
					warnings.add(new Warning(practitioner, licence, expired,
							java.time.temporal.ChronoUnit.DAYS.between(today, licence.expiresOn())));
				}
			}
		}
		warnings.sort(Comparator.comparing(warning -> warning.licence().expiresOn()));
		return warnings;
	}

}
