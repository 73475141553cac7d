package org.unknot.insurance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A payer's authorization for one patient: {@code visits} visits of the services or CPT
 * codes it names, from {@code firstDay} to {@code lastDay}, and how many are booked or
 * done under it now ({@code used}; a cancelled visit is given back).
 */
public record Authorization(UUID id, UUID patientId, String planId, String planName, String reference, int visits,
		LocalDate firstDay, LocalDate lastDay, List<String> serviceIds, List<String> cptCodes, int used) {

	/** How few visits or days left make the desk look at it. */
	public static final int FEW_VISITS = 2;

	public static final int FEW_DAYS = 14;

	public Authorization {
		serviceIds = List.copyOf(serviceIds);
		cptCodes = List.copyOf(cptCodes);
	}

	public int left() {
		return Math.max(0, visits - used);
	}

	public boolean coversDay(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}

	/**
	 * Days from {@code today} to its last day, that day included; 0 once it has ended.
	 */
	public long daysLeft(LocalDate today) {
		return today.isAfter(lastDay) ? 0 : ChronoUnit.DAYS.between(today, lastDay) + 1;
	}

	/** Still running, with {@link #FEW_VISITS} visits or {@link #FEW_DAYS} days left. */
	public boolean runningLow(LocalDate today) {
		return !today.isAfter(lastDay) && (left() <= FEW_VISITS || daysLeft(today) <= FEW_DAYS);
	}

	/** "Jan 4, 2027 – Apr 30, 2027", as the desk reads it. */
	public String window() {
		return DAY.format(firstDay) + " – " + DAY.format(lastDay);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);

}
