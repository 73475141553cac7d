package org.unknot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unknot.FlowClient.Page;

/**
 * Seeded bending of HTML forms for property-style tests: whatever a form's fields hold
 * (left out, empty, absurdly long, repeated, a NUL character, markup, impossible dates
 * and times, numbers out of range, fields nobody asked for), the answer is a page or a
 * redirect, never a server error, and an error answer is a page.
 * {@code -Dunknot.fuzz.seed=N} replays a run; failures are reported all at once.
 */
public final class FormFuzzer {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)(?:\\s*=\\s*\"([^\"]*)\")?");

	private static final Pattern FIELD = Pattern.compile(
			"<(input|button)\\b([^>]*)>|<(select|textarea)\\b([^>]*)>(.*?)</\\3>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

	/** Tomcat reads a request line of at most 8 KiB (with the headers). */
	private static final int LONGEST_ADDRESS = 8 * 1024 - 512;

	private static final String[] ODD_TEXTS = { "", " ", "\u0000", "a\u0000b", "x".repeat(5_000),
			"\uD83D\uDC86\u200D\u2640\uFE0F", "<script>alert(1)</script>", "' OR 1=1 --", "-1", "0",
			"99999999999999999999", "1.5", "abc", "none", "weekly", "every-other-week", "2027-02-30", "1900-01-01",
			"2999-12-31", "0000-01-01", "2027-13-01", "25:00", "23:61", "24:00", "2027-03-15T10:07-04:00~x",
			"2027-03-15T10:00-04:00~", "~", "virtual", "self-pay", "medicare", "yes", "no", "true", "UPPER_BACK",
			"NOT_A_REGION", "flag-NOPE", "\u202Eevil", "ß".repeat(400), "null", "%00", "../../etc/passwd", "[", "(?<",
			"\\", "2147483648", "-2147483649", "1e309", "NaN", "patient@unknot.example", "someone@example.org", "@",
			"a@b", "2027-03-16T10:00-04:00", "123456", "000000", "1234567" };

	/**
	 * A form as the page offers it: how and where it is sent and its fields with their
	 * current values.
	 */
	public record Form(String page, String method, String action, Map<String, List<String>> fields) {
	}

	private final long seed;

	private final Random random;

	private final List<String> failures = new ArrayList<>();

	private final Map<String, String> knownValues = new HashMap<>();

	private int judged;

	public FormFuzzer(long defaultSeed) {
		this.seed = Long.getLong("unknot.fuzz.seed", defaultSeed);
		this.random = new Random(seed);
	}

	public Random random() {
		return random;
	}

	/**
	 * Round after round, GETs each page anew (a change may have brought other forms: a
	 * visit that arrived can be checked in) and sends a bent version of each of its forms
	 * that only ask (GET) and of those that post where {@code postable} allows, in a
	 * seeded order. In the first round every page must open. A refusal (401, 403) may be
	 * right (a clinic the signed-in person does not work at), but the session must
	 * outlive it.
	 */
	public void bendPages(FlowClient browser, Predicate<String> postable, int rounds, String... paths) {
		for (int round = 0; round < rounds; round++) {
			List<Form> forms = formsOn(browser, postable, round == 0, paths);
			Collections.shuffle(forms, random);
			for (Form form : forms) {
				if (!bend(browser, form)) {
					return;
				}
			}
		}
	}

	/**
	 * The forms of these pages (those that ask, and those that post where
	 * {@code postable} allows); values seen on any page fill empty fields of the same
	 * name later, so that forms for adding something start from plausible values rather
	 * than from nothing. A page that does not open is a failure if {@code mustOpen}, or
	 * if it answers a server error.
	 */
	public List<Form> formsOn(FlowClient browser, Predicate<String> postable, boolean mustOpen, String... paths) {
		List<Form> forms = new ArrayList<>();
		for (String path : paths) {
			Page page = browser.get(path);
			if (page.status() != 200) {
				if (mustOpen || page.status() >= 500) {
					failures.add("GET " + path + " answered " + page.status());
				}
				continue;
			}
			parse(path, page.body()).stream()
				.filter(form -> form.method().equals("GET") || postable.test(form.action()))
				.forEach(forms::add);
		}
		forms.forEach(form -> form.fields()
			.forEach((name, values) -> values.stream()
				.filter(value -> !value.isBlank())
				.findFirst()
				.ifPresent(value -> knownValues.putIfAbsent(name, value))));
		return forms;
	}

	/**
	 * Sends the form bent and judges the answer; false if the session did not outlive it.
	 */
	public boolean bend(FlowClient browser, Form form) {
		Map<String, Object> bent = bent(filled(form));
		Page answer;
		if (form.method().equals("POST")) {
			answer = browser.post(form.action(), bent);
		}
		else {
			String address = form.action() + "?" + FlowClient.encoded(bent);
			answer = browser.get(address);
			if (address.length() > LONGEST_ADDRESS && answer.status() == 400) {
				return true; // refused by Tomcat before it read the headers that would
								// say a browser asked
			}
		}
		judge(form.method() + " " + form.action(), bent, answer);
		boolean refused = answer.status() == 401 || answer.status() == 403
				|| answer.location() != null && answer.location().startsWith("/sign-in");
		if (refused && browser.get(form.page()).status() != 200) {
			failures.add(form.method() + " " + form.action() + " ended the session (" + answer.status() + " "
					+ answer.location() + "): " + shortened(bent.toString()));
			return false;
		}
		return true;
	}

	/** The same form bent one to three ways. */
	public Map<String, Object> bent(Map<String, Object> valid) {
		Map<String, Object> form = new LinkedHashMap<>(valid == null ? Map.of() : valid);
		int changes = 1 + random.nextInt(3);
		for (int c = 0; c < changes; c++) {
			List<String> names = new ArrayList<>(form.keySet());
			if (names.isEmpty() || random.nextInt(8) == 0) {
				form.put(random.nextBoolean() || knownValues.isEmpty() ? oddText() : someKnownName(), oddText());
				continue;
			}
			String name = names.get(random.nextInt(names.size()));
			switch (random.nextInt(7)) {
				case 0 -> form.remove(name);
				case 1 -> form.put(name, List.of(oddText(), oddText()));
				case 2 -> form.put(name, List.of(form.get(name), form.get(name)));
				default -> form.put(name, oddText());
			}
		}
		return form;
	}

	/**
	 * The name of a field seen on some form: one this form may read without showing it.
	 */
	private String someKnownName() {
		List<String> names = new ArrayList<>(knownValues.keySet());
		Collections.sort(names);
		return names.get(random.nextInt(names.size()));
	}

	private String oddText() {
		return ODD_TEXTS[random.nextInt(ODD_TEXTS.length)];
	}

	/** Fails the answer if it is a server error, or an error that is not a page. */
	public void judge(String path, Map<String, Object> form, Page answer) {
		judged++;
		if (answer.status() >= 500) {
			failures.add(path + " answered " + answer.status() + " to " + shortened(form.toString()));
		}
		else if (answer.status() >= 400 && !answer.contentType().startsWith("text/html")) {
			failures.add(path + " answered " + answer.status() + " as " + answer.contentType() + " to "
					+ shortened(form.toString()));
		}
	}

	/**
	 * Whether one of the segments of this path is one of these ids (so that an id "9"
	 * does not match "a9f").
	 */
	public static boolean names(String path, List<String> ids) {
		return Arrays.stream(path.split("/")).anyMatch(ids::contains);
	}

	public void fail(String failure) {
		failures.add(failure);
	}

	/**
	 * Asserts that none failed and at least {@code minimum} bent forms were judged (so
	 * nothing passes by skipping).
	 */
	public void assertHeld(int minimum) {
		assertThat(failures).as("seed %d (-Dunknot.fuzz.seed=%d replays it)", seed, seed).isEmpty();
		assertThat(judged).as("bent forms posted and judged").isGreaterThanOrEqualTo(minimum);
	}

	public int judged() {
		return judged;
	}

	private Map<String, Object> filled(Form form) {
		Map<String, Object> values = new LinkedHashMap<>();
		form.fields().forEach((name, given) -> {
			if (given.size() == 1 && given.get(0).isEmpty() && knownValues.containsKey(name)) {
				values.put(name, knownValues.get(name));
			}
			else {
				values.put(name, given.size() == 1 ? given.get(0) : given);
			}
		});
		return values;
	}

	/**
	 * The forms of a page, as a browser would send them unchanged (without their CSRF
	 * token).
	 */
	private static List<Form> parse(String pagePath, String html) {
		List<Form> forms = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			Map<String, String> attributes = attributes(form.group(1));
			String method = attributes.getOrDefault("method", "get").toUpperCase();
			String action = attributes.getOrDefault("action", pagePath);
			forms.add(new Form(pagePath, method, action.isEmpty() ? pagePath : action, fields(form.group(2))));
		}
		return forms;
	}

	private static Map<String, List<String>> fields(String body) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		boolean buttonTaken = false;
		Matcher field = FIELD.matcher(body);
		while (field.find()) {
			boolean simple = field.group(1) != null;
			String tag = (simple ? field.group(1) : field.group(3)).toLowerCase();
			Map<String, String> attributes = attributes(simple ? field.group(2) : field.group(4));
			String name = attributes.get("name");
			if (name == null || name.equals("_csrf") || attributes.containsKey("disabled")) {
				continue;
			}
			String type = attributes.getOrDefault("type", tag.equals("button") ? "submit" : "text").toLowerCase();
			String value;
			if (tag.equals("select")) {
				value = selected(field.group(5));
			}
			else if (tag.equals("textarea")) {
				value = unescaped(field.group(5));
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				if (!attributes.containsKey("checked")) {
					continue;
				}
				value = attributes.getOrDefault("value", "on");
			}
			else if (type.equals("submit")) {
				if (buttonTaken) {
					continue;
				}
				buttonTaken = true;
				value = attributes.getOrDefault("value", "");
			}
			else {
				value = attributes.getOrDefault("value", "");
			}
			fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return fields;
	}

	private static String selected(String options) {
		String first = null;
		Matcher option = OPTION.matcher(options);
		while (option.find()) {
			Map<String, String> attributes = attributes(option.group(1));
			String value = attributes.getOrDefault("value", "");
			if (attributes.containsKey("selected")) {
				return value;
			}
			first = first == null ? value : first;
		}
		return first == null ? "" : first;
	}

	private static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new HashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(tag);
		while (attribute.find()) {
			String value = attribute.group(2);
			attributes.putIfAbsent(attribute.group(1).toLowerCase(), value == null ? "" : unescaped(value));
		}
		return attributes;
	}

	private static String unescaped(String text) {
		Matcher entity = ENTITY.matcher(text);
		StringBuilder plain = new StringBuilder();
		while (entity.find()) {
			String name = entity.group(1);
			String character = switch (name) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				default -> new String(Character.toChars(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
						: Integer.parseInt(name.substring(1))));
			};
			entity.appendReplacement(plain, Matcher.quoteReplacement(character));
		}
		entity.appendTail(plain);
		return plain.toString();
	}

	private static String shortened(String text) {
		String visible = text.replace("\u0000", "\\u0000");
		return visible.length() > 300 ? visible.substring(0, 300) + "... (" + visible.length() + " chars)" : visible;
	}

}
