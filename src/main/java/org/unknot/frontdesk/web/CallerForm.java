package org.unknot.frontdesk.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.unknot.care.BodyRegion;
import org.unknot.care.HealthIntake;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;
import org.unknot.patient.BirthDate;
import org.unknot.patient.Patient;

/**
 * The caller booking form as sent, every answer kept as typed so the page can show it
 * again. The health questions are answered all or not at all: a receptionist who asks
 * them asks every red-flag question.
 *
 * @param slot the chosen free time, {@code <start>|<practitioner>}
 * @param flags the red-flag answers by flag name, {@code yes} or {@code no}
 * @param told {@code yes} when the receptionist told the caller to see a physician first
 * and they chose to go ahead
 */
record CallerForm(String slot, String givenName, String familyName, String email, String phone, String birthDate,
		List<String> regions, String intensity, String duration, Map<String, String> flags, String told) {

	static final String YES = "yes";

	static final String NO = "no";

	CallerForm {
		regions = regions == null ? List.of() : regions.stream().limit(20).toList();
		// kept as bound: the binder fills keyed values (flags[FEVER]) into this map
		flags = flags == null ? new java.util.HashMap<>() : flags;
	}

	static CallerForm empty() {
		return new CallerForm(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The form with one free time chosen, as the calendar's "Book here" opens it. */
	CallerForm withSlot(String chosen) {
		return new CallerForm(chosen, givenName, familyName, email, phone, birthDate, regions, intensity, duration,
				flags, told);
	}

	/**
	 * The form with a found patient's details filled in, as on record: the birth date as
	 * a US patient types it, so it reads back the same.
	 */
	CallerForm withCaller(Patient patient) {
		return new CallerForm(slot, patient.givenName(), patient.familyName(), patient.email(), patient.phone(),
				patient.birthDate() == null ? null : new BirthDate(patient.birthDate()).asTyped(), regions, intensity,
				duration, flags, told);
	}

	/** The hint beside the birth date: which date was read, or how to write one. */
	public String birthDateHint() {
		return BirthDate.hint(birthDate);
	}

	/** A field as typed, by name, for the page. */
	public String get(String field) {
		return switch (field) {
			case "slot" -> slot;
			case "givenName" -> givenName;
			case "familyName" -> familyName;
			case "email" -> email;
			case "phone" -> phone;
			case "birthDate" -> birthDate;
			case "intensity" -> intensity;
			case "duration" -> duration;
			default -> null;
		};
	}

	public String flag(RedFlag flag) {
		return flags.get(flag.name());
	}

	public boolean callerTold() {
		return YES.equals(told);
	}

	Optional<Chosen> chosen() {
		String[] parts = slot == null ? new String[0] : slot.split("\\|", 2);
		if (parts.length != 2 || parts[1].isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Chosen(OffsetDateTime.parse(parts[0]), parts[1]));
		}
		catch (DateTimeParseException notATime) {
			return Optional.empty();
		}
	}

	/** Whether any health question was answered. */
	boolean intakeGiven() {
		return !regions.isEmpty() || !blank(intensity) || !blank(duration)
				|| flags.values().stream().anyMatch(answer -> !blank(answer));
	}

	/**
	 * What is missing from the health questions, by field; none when not asked at all.
	 */
	Map<String, String> intakeProblems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!intakeGiven()) {
			return problems;
		}
		if (parsedRegions().isEmpty()) {
			problems.put("regions", "Choose at least one place where it hurts.");
		}
		if (parsedIntensity().isEmpty()) {
			problems.put("intensity", "Choose how strong the pain is, from 0 to 10.");
		}
		if (parse(duration, PainDuration.class).isEmpty()) {
			problems.put("duration", "Choose how long the caller has had the pain.");
		}
		for (RedFlag flag : RedFlag.values()) {
			if (!YES.equals(flag(flag)) && !NO.equals(flag(flag))) {
				problems.put("flag-" + flag.name(), "Ask this question and choose yes or no.");
			}
		}
		return problems;
	}

	/** The intake, when the questions were asked and answered. */
	Optional<HealthIntake> intake() {
		if (!intakeGiven() || !intakeProblems().isEmpty()) {
			return Optional.empty();
		}
		Set<RedFlag> yes = EnumSet.noneOf(RedFlag.class);
		for (RedFlag flag : RedFlag.values()) {
			if (YES.equals(flag(flag))) {
				yes.add(flag);
			}
		}
		return Optional.of(new HealthIntake(parsedRegions(), parsedIntensity().orElseThrow(),
				parse(duration, PainDuration.class).orElseThrow(), Set.of(), yes));
	}

	public boolean region(BodyRegion region) {
		return regions.contains(region.name());
	}

	private Set<BodyRegion> parsedRegions() {
		Set<BodyRegion> parsed = EnumSet.noneOf(BodyRegion.class);
		regions.forEach(region -> parse(region, BodyRegion.class).ifPresent(parsed::add));
		return parsed;
	}

	private Optional<Integer> parsedIntensity() {
		try {
			int value = Integer.parseInt(intensity == null ? "" : intensity.strip());
			return value >= 0 && value <= 10 ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException notANumber) {
			return Optional.empty();
		}
	}

	private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	record Chosen(OffsetDateTime start, String practitioner) {
	}

}
