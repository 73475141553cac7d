package org.unknot.care.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Instruments a clinic holds a licence for, added by an admin as a JSON subset of FHIR
 * Questionnaire: {@code name}, {@code title}, {@code code} (LOINC), {@code item} with
 * {@code linkId}, {@code text} and {@code answerOption} (each a {@code valueCoding} and a
 * {@code score}), and Unknot's own {@code scoring} object ({@code rule} sum or
 * percentage, {@code min}, {@code max}, {@code direction}, {@code meaningfulChange}).
 * Unknot ships none: their wording is the publisher's.
 */
@Repository
public class QuestionnaireDefinitions {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,40}");

	static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");

	static final String LOINC_SYSTEM = "http://loinc.org";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	QuestionnaireDefinitions(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Checks and stores a definition; refused with a message per field when it is wrong.
	 */
	public Measure add(String definition, String addedBy) {
		Measure measure = parse(definition);
		if (find(measure.code()).isPresent()) {
			throw new InvalidRequest("name", "An instrument named " + measure.code() + " exists already.");
		}
		jdbc.sql(
				"INSERT INTO questionnaire_definition (code, title, definition, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
			.params(measure.code(), measure.title(), definition, addedBy, Timestamp.from(clock.instant()))
			.update();
		return measure;
	}

	public List<Measure> all() {
		return jdbc.sql("SELECT definition FROM questionnaire_definition ORDER BY title")
			.query(String.class)
			.list()
			.stream()
			.map(this::parse)
			.toList();
	}

	public Optional<Measure> find(String code) {
		return jdbc.sql("SELECT definition FROM questionnaire_definition WHERE code = ?")
			.param(code)
			.query(String.class)
			.optional()
			.map(this::parse);
	}

	/** Reads a definition, naming every problem at once. */
	public Measure parse(String definition) {
		JsonNode root;
		try {
			root = json.readTree(definition == null ? "" : definition);
		}
		catch (JacksonException e) {
			throw new InvalidRequest("definition", "This is not JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidRequest("definition", "Give one JSON object, a Questionnaire.");
		}
		return new Reading(root).measure();
	}

	/** One definition being read: the problems found so far, by field. */
	private static final class Reading {

		private final JsonNode root;

		private final List<FieldProblem> problems = new ArrayList<>();

		Reading(JsonNode root) {
			this.root = root;
		}

		Measure measure() {
			if (!"Questionnaire".equals(root.path("resourceType").asString(""))) {
				problem("resourceType", "Say \"resourceType\": \"Questionnaire\".");
			}
			String code = text(root, "name",
					"Give a short name of lower-case letters, digits and dashes, e.g. back-ease.");
			if (code != null && !CODE.matcher(code).matches()) {
				problem("name", "Use 2 to 41 lower-case letters, digits and dashes, e.g. back-ease.");
			}
			if (code != null && BuiltInMeasures.ALL.stream().anyMatch(measure -> measure.code().equals(code))) {
				problem("name", code + " is a built-in measure; choose another name.");
			}
			String title = text(root, "title", "Give the instrument's title, as staff should see it.");
			String loinc = loinc();
			List<Item> items = items();
			JsonNode scoring = root.path("scoring");
			if (!scoring.isObject()) {
				problem("scoring", "Say how it is scored: rule, min, max, direction and meaningfulChange.");
				throw refused();
			}
			ScoringRule rule = rule(scoring);
			Double min = number(scoring, "scoring.min", "min");
			Double max = number(scoring, "scoring.max", "max");
			Direction direction = direction(scoring);
			Double meaningful = number(scoring, "scoring.meaningfulChange", "meaningfulChange");
			checkRange(rule, min, max, items);
			if (meaningful != null && min != null && max != null && (meaningful <= 0 || meaningful > max - min)) {
				problem("scoring.meaningfulChange",
						"The meaningful change is above 0 and at most the range (" + format(max - min) + ").");
			}
			if (!problems.isEmpty()) {
				throw refused();
			}
			return new Measure(code, title, loinc, items, items.size(), rule, min, max, direction, meaningful, null,
					null, false);
		}

		private String loinc() {
			JsonNode codes = root.path("code");
			if (codes.isMissingNode()) {
				return null;
			}
			if (!codes.isArray()) {
				problem("code",
						"Give the codes as a list, e.g. [{\"system\": \"http://loinc.org\", \"code\": \"...\"}].");
				return null;
			}
			String loinc = null;
			for (int n = 0; n < codes.size(); n++) {
				JsonNode coding = codes.get(n);
				if (LOINC_SYSTEM.equals(coding.path("system").asString(""))) {
					String value = coding.path("code").asString("");
					if (!LOINC.matcher(value).matches()) {
						problem("code[" + n + "].code", "A LOINC code looks like 82237-9.");
					}
					else if (loinc == null) {
						loinc = value;
					}
				}
			}
			return loinc;
		}

		private List<Item> items() {
			JsonNode items = root.path("item");
			if (!items.isArray() || items.isEmpty()) {
				problem("item", "List the questions under \"item\"; there must be at least one.");
				return List.of();
			}
			List<Item> read = new ArrayList<>();
			Set<String> linkIds = new HashSet<>();
			for (int n = 0; n < items.size(); n++) {
				String at = "item[" + n + "]";
				JsonNode item = items.get(n);
				String linkId = text(item, at + ".linkId", "Give each question a linkId.");
				if (linkId != null && !linkIds.add(linkId)) {
					problem(at + ".linkId", "linkId " + linkId + " is used twice.");
				}
				String text = text(item, at + ".text", "Give the question's text.");
				List<Item.AnswerOption> options = options(item.path("answerOption"), at + ".answerOption");
				if (linkId != null && text != null && !options.isEmpty()) {
					read.add(Item.choice(linkId, text, options));
				}
			}
			return read;
		}

		private List<Item.AnswerOption> options(JsonNode options, String at) {
			if (!options.isArray() || options.size() < 2) {
				problem(at, "Give at least two answer options, each with a valueCoding and a score.");
				return List.of();
			}
			List<Item.AnswerOption> read = new ArrayList<>();
			for (int n = 0; n < options.size(); n++) {
				JsonNode option = options.get(n);
				String here = at + "[" + n + "]";
				JsonNode coding = option.path("valueCoding");
				String display = coding.path("display").asString("").strip();
				if (display.isEmpty()) {
					problem(here + ".valueCoding.display", "Give the answer's wording as valueCoding.display.");
				}
				JsonNode score = option.path("score");
				if (!score.isIntegralNumber() || !score.canConvertToInt()) {
					problem(here + ".score", "Give a whole-number score.");
				}
				else if (!display.isEmpty()) {
					String code = coding.path("code").asString(String.valueOf(score.intValue()));
					read.add(new Item.AnswerOption(code, display, score.intValue()));
				}
			}
			return read.size() == options.size() ? read : List.of();
		}

		private ScoringRule rule(JsonNode scoring) {
			String rule = scoring.path("rule").asString("");
			if (rule.equals(ScoringRule.SUM.code())) {
				return ScoringRule.SUM;
			}
			if (rule.equals(ScoringRule.PERCENTAGE.code())) {
				return ScoringRule.PERCENTAGE;
			}
			problem("scoring.rule", "The rule is sum or percentage.");
			return null;
		}

		private Direction direction(JsonNode scoring) {
			String direction = scoring.path("direction").asString("");
			for (Direction candidate : Direction.values()) {
				if (candidate.code().equals(direction)) {
					return candidate;
				}
			}
			problem("scoring.direction", "The direction is lower-is-better or higher-is-better.");
			return null;
		}

		private void checkRange(ScoringRule rule, Double min, Double max, List<Item> items) {
			if (min == null || max == null) {
				return;
			}
			if (min >= max) {
				problem("scoring.max", "The highest score must be above the lowest.");
				return;
			}
			if (rule == ScoringRule.PERCENTAGE && (min != 0 || max != 100)) {
				problem("scoring.max", "A percentage runs from 0 to 100.");
			}
			if (rule == ScoringRule.SUM && !items.isEmpty() && !problemsAbout("item")) {
				int low = items.stream().mapToInt(Item::min).sum();
				int high = items.stream().mapToInt(Item::max).sum();
				if (min != low) {
					problem("scoring.min", "The answers add up to at least " + low + ", so min is " + low + ".");
				}
				if (max != high) {
					problem("scoring.max", "The answers add up to at most " + high + ", so max is " + high + ".");
				}
			}
		}

		private boolean problemsAbout(String prefix) {
			return problems.stream().anyMatch(problem -> problem.field().startsWith(prefix));
		}

		private String text(JsonNode node, String field, String message) {
			String name = field.substring(field.lastIndexOf('.') + 1);
			String value = node.path(name).asString("").strip();
			if (value.isEmpty()) {
				problem(field, message);
				return null;
			}
			return value;
		}

		private Double number(JsonNode node, String field, String name) {
			JsonNode value = node.path(name);
			if (!value.isNumber()) {
				problem(field, "Give " + name + " as a number.");
				return null;
			}
			return value.doubleValue();
		}

		private void problem(String field, String message) {
			problems.add(new FieldProblem(field, message));
		}

		private InvalidRequest refused() {
			return new InvalidRequest("The definition has " + problems.size()
					+ (problems.size() == 1 ? " problem" : " problems") + "; each is named by its field.", problems);
		}

		private static String format(double value) {
			return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
		}

	}

}
