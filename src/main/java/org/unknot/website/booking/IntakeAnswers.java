package org.unknot.website.booking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;
import org.unknot.care.BodyRegion;
import org.unknot.care.Cause;
import org.unknot.care.HealthIntake;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;

/**
 * The intake form as sent: every answer kept as given so the form can be shown again,
 * each problem named beside its question. Values that are not among the choices (a
 * tampered form) count as missing.
 */
record IntakeAnswers(List<String> regions, String intensity, String duration, List<String> causes,
		Map<String, String> flags) {

	static final String YES = "yes";
	static final String NO = "no";

	static IntakeAnswers from(MultiValueMap<String, String> form) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (RedFlag flag : RedFlag.values()) {
			flags.put(flag.name(), form.getFirst("flag-" + flag.name()));
		}
		return new IntakeAnswers(list(form.get("regions")), form.getFirst("intensity"), form.getFirst("duration"),
				list(form.get("causes")), flags);
	}

	static IntakeAnswers from(Draft draft) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (RedFlag flag : RedFlag.values()) {
			flags.put(flag.name(), draft.intakeDone ? (draft.redFlags.contains(flag.name()) ? YES : NO) : null);
		}
		return new IntakeAnswers(draft.regions, draft.intensity == null ? null : draft.intensity.toString(),
				draft.duration, draft.causes, flags);
	}

	/**
	 * Problems by the id of the first control of their question, in the order of the
	 * form.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (parsed(regions, BodyRegion.class).isEmpty()) {
			problems.put("regions", "Please choose at least one place where it hurts.");
		}
		if (parsedIntensity().isEmpty()) {
			problems.put("intensity", "Please choose how strong the pain is, from 0 to 10.");
		}
		if (parse(duration, PainDuration.class).isEmpty()) {
			problems.put("duration", "Please choose how long you have had the pain.");
		}
		for (RedFlag flag : RedFlag.values()) {
			String answer = flags.get(flag.name());
			if (!YES.equals(answer) && !NO.equals(answer)) {
				problems.put("flag-" + flag.name(), "Please answer yes or no: " + flag.question());
			}
		}
		return problems;
	}

	/** The intake, when every question is answered. */
	Optional<HealthIntake> intake() {
		if (!problems().isEmpty()) {
			return Optional.empty();
		}
		Set<RedFlag> yes = EnumSet.noneOf(RedFlag.class);
		flags.forEach((name, answer) -> {
			if (YES.equals(answer)) {
				yes.add(RedFlag.valueOf(name));
			}
		});
		return Optional.of(new HealthIntake(parsed(regions, BodyRegion.class), parsedIntensity().orElseThrow(),
				parse(duration, PainDuration.class).orElseThrow(), parsed(causes, Cause.class), yes));
	}

	void copyTo(Draft draft, HealthIntake intake) {
		draft.regions = names(intake.regions());
		draft.intensity = intake.intensity();
		draft.duration = intake.duration().name();
		draft.causes = names(intake.causes());
		draft.redFlags = names(intake.redFlags());
		draft.intakeDone = true;
	}

	public boolean checked(String list, String value) {
		List<String> values = "regions".equals(list) ? regions : causes;
		return values != null && values.contains(value);
	}

	private Optional<Integer> parsedIntensity() {
		try {
			int value = Integer.parseInt(intensity == null ? "" : intensity.strip());
			return value >= 0 && value <= 10 ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
	}

	private static <E extends Enum<E>> Set<E> parsed(List<String> values, Class<E> type) {
		Set<E> set = EnumSet.noneOf(type);
		if (values != null) {
			values.forEach(value -> parse(value, type).ifPresent(set::add));
		}
		return set;
	}

	private static List<String> names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.toCollection(ArrayList::new));
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of() : values.stream().limit(20).toList();
	}
}
