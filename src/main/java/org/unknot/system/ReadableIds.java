package org.unknot.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Ids people can read in an address (a practitioner's page, a service, a clinic, a plan):
 * made from a name, and kept unique by a number when the name is taken.
 */
public final class ReadableIds {

	private ReadableIds() {
	}

	/**
	 * The first of {@code base}, {@code base-2}, {@code base-3}... that {@code taken}
	 * does not hold, where {@code base} is the name in lower-case ASCII words joined by
	 * hyphens (accents dropped), at most {@code maxLength} characters, or
	 * {@code fallback} if nothing of the name is left.
	 */
	public static String freeFrom(String name, String fallback, int maxLength, Predicate<String> taken) {
		String base = slug(name, maxLength);
		base = base.isEmpty() ? fallback : base;
		String id = base;
		for (int n = 2; taken.test(id); n++) {
			id = base + "-" + n;
		}
		return id;
	}

	static String slug(String name, int maxLength) {
		String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.length() <= maxLength ? slug : slug.substring(0, maxLength).replaceAll("-$", "");
	}

}
