package org.unknot.website;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.unknot.system.Money;
import org.unknot.catalog.CareService;
import org.unknot.catalog.ServiceCategory;

/**
 * Services of one kind offered in several lengths ({@code swedish-30},
 * {@code swedish-60}, {@code swedish-90}) are one choice for a patient: they share an id
 * stem and a name without its length.
 */
public final class ServiceKinds {

	private static final Pattern LENGTH_SUFFIX = Pattern.compile("-\\d+$");

	private static final Pattern LENGTH_IN_NAME = Pattern
		.compile("\\s*[,(–-]?\\s*\\d+\\s*(minutes|minute|mins|min)\\.?\\)?\\s*$", Pattern.CASE_INSENSITIVE);

	private ServiceKinds() {
	}

	/** A kind of service and its length options, shortest first. */
	public record Kind(String key, String name, ServiceCategory category, List<CareService> options) {

		public CareService first() {
			return options.get(0);
		}

		public String description() {
			return first().description();
		}

		public int lowestPriceCents() {
			return options.stream().mapToInt(CareService::priceCents).min().orElse(0);
		}

		public String fromPrice() {
			return Money.usd(lowestPriceCents()).inWords();
		}

		public String categoryName() {
			return ServiceKinds.categoryName(category);
		}

		/** "30, 60 or 90 minutes". */
		public String lengths() {
			List<String> minutes = options.stream().map(o -> String.valueOf(o.duration().toMinutes())).toList();
			if (minutes.size() == 1) {
				return minutes.get(0) + " minutes";
			}
			return String.join(", ", minutes.subList(0, minutes.size() - 1)) + " or " + minutes.get(minutes.size() - 1)
					+ " minutes";
		}
	}

	public static String keyOf(CareService service) {
		return LENGTH_SUFFIX.matcher(service.id()).replaceFirst("");
	}

	public static String nameOf(CareService service) {
		String name = LENGTH_IN_NAME.matcher(service.name()).replaceFirst("").trim();
		return name.isEmpty() ? service.name() : name;
	}

	/** Groups services into kinds, keeping the order in which kinds first appear. */
	public static List<Kind> group(List<CareService> services) {
		Map<String, List<CareService>> byKey = new LinkedHashMap<>();
		for (CareService service : services) {
			byKey.computeIfAbsent(keyOf(service), k -> new ArrayList<>()).add(service);
		}
		List<Kind> kinds = new ArrayList<>();
		byKey.forEach((key, options) -> {
			List<CareService> sorted = options.stream().sorted(Comparator.comparing(CareService::duration)).toList();
			kinds.add(new Kind(key, nameOf(sorted.get(0)), sorted.get(0).category(), sorted));
		});
		return kinds;
	}

	/** The same service's other lengths, shortest first, including itself. */
	public static List<CareService> lengthsOf(CareService service, List<CareService> all) {
		String key = keyOf(service);
		return all.stream()
			.filter(other -> keyOf(other).equals(key))
			.sorted(Comparator.comparing(CareService::duration))
			.toList();
	}

	/** How a category is called on the website. */
	public static String categoryName(ServiceCategory category) {
		return switch (category) {
			case MASSAGE -> "Massage therapy";
			case CONSULTATION -> "Pain medicine consultations";
			case PROCEDURE -> "Pain procedures";
			case PHYSICAL_THERAPY -> "Physical therapy";
			case COUNSELLING -> "Counselling";
		};
	}

	public static String slugOf(ServiceCategory category) {
		return category.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
