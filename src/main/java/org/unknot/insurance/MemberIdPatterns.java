package org.unknot.insurance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether an admin's pattern for member ids may be used: it must compile, stay short, and
 * have none of the shapes that make a regular expression take exponential (or high
 * polynomial) time on a typed number: repeated groups that themselves repeat or offer
 * alternatives ({@code (A+)+}, {@code (A|AB)*}), back-references, lookaround, or many
 * repeats of varying length in a row. What is left is what member ids need: characters,
 * classes, fixed and bounded repeats, plain groups.
 */
final class MemberIdPatterns {

	static final int MAX_LENGTH = 100;

	/**
	 * Repeats of varying length ({@code *}, {@code +}, {@code {4,20}}) a pattern may
	 * have.
	 */
	static final int MAX_VARYING_REPEATS = 3;

	private MemberIdPatterns() {
	}

	/**
	 * What is wrong with the pattern, in words for the admin who typed it; empty if it
	 * may be used.
	 */
	static Optional<String> problemWith(String pattern) {
		if (pattern == null || pattern.isBlank()) {
			return Optional.of("Enter the shape of a member id, e.g. [A-Z0-9]{6,12}.");
		}
		if (pattern.length() > MAX_LENGTH) {
			return Optional
				.of("Keep the pattern to " + MAX_LENGTH + " characters; this one has " + pattern.length() + ".");
		}
		try {
			Pattern.compile(pattern);
		}
		catch (PatternSyntaxException e) {
			return Optional.of("This is not a valid pattern: " + e.getDescription()
					+ (e.getIndex() >= 0 ? " (at character " + (e.getIndex() + 1) + ")" : "") + ".");
		}
		return new Scan(pattern).problem();
	}

	/** One pass over a pattern that compiles, tracking what each open group contains. */
	private static final class Scan {

		private final String pattern;

		private final Deque<Group> groups = new ArrayDeque<>();

		private int at;

		private int varyingRepeats;

		/**
		 * The group that just closed, if the last thing read was one; null after any
		 * other atom.
		 */
		private Group lastGroup;

		Scan(String pattern) {
			this.pattern = pattern;
			groups.push(new Group());
		}

		Optional<String> problem() {
			while (at < pattern.length()) {
				char c = pattern.charAt(at);
				Optional<String> problem = switch (c) {
					case '\\' -> escape();
					case '[' -> characterClass();
					case '(' -> open();
					case ')' -> close();
					case '|' -> alternative();
					case '*', '+', '?', '{' -> repeat(c);
					default -> atom();
				};
				if (problem.isPresent()) {
					return problem;
				}
			}
			if (varyingRepeats > MAX_VARYING_REPEATS) {
				return Optional.of("Use at most " + MAX_VARYING_REPEATS
						+ " repeats of varying length (*, + or {4,20}); " + "this pattern has " + varyingRepeats + ".");
			}
			return Optional.empty();
		}

		private Optional<String> escape() {
			char next = at + 1 < pattern.length() ? pattern.charAt(at + 1) : ' ';
			if (Character.isDigit(next) && next != '0' || next == 'k') {
				return Optional.of("Back-references (\\1, \\k<name>) are not allowed in a member id pattern.");
			}
			if (next == 'Q') {
				return Optional.of("Quoting with \\Q...\\E is not allowed; escape single characters instead.");
			}
			at += 2;
			if ("pPxN".indexOf(next) >= 0 && at < pattern.length() && pattern.charAt(at) == '{') {
				at = Math.max(at, pattern.indexOf('}', at)) + 1;
			}
			lastGroup = null;
			return Optional.empty();
		}

		private Optional<String> characterClass() {
			int depth = 0;
			do {
				char c = pattern.charAt(at);
				if (c == '\\') {
					at += 2;
					continue;
				}
				if (c == '[') {
					depth++;
					at++;
					if (at < pattern.length() && pattern.charAt(at) == '^') {
						at++;
					}
					if (at < pattern.length() && pattern.charAt(at) == ']') {
						at++;
					}
					continue;
				}
				if (c == ']') {
					depth--;
				}
				at++;
			}
			while (depth > 0 && at < pattern.length());
			lastGroup = null;
			return Optional.empty();
		}

		private Optional<String> open() {
			if (pattern.startsWith("(?=", at) || pattern.startsWith("(?!", at) || pattern.startsWith("(?<=", at)
					|| pattern.startsWith("(?<!", at)) {
				return Optional
					.of("Lookahead and lookbehind ((?=...), (?<=...)) are not allowed in a member id pattern.");
			}
			at++;
			lastGroup = null;
			if (at < pattern.length() && pattern.charAt(at) == '?') {
				at++;
				char kind = at < pattern.length() ? pattern.charAt(at) : ')';
				if (kind == ':' || kind == '>') {
					at++;
				}
				else if (kind == '<') {
					at = Math.max(at, pattern.indexOf('>', at)) + 1;
				}
				else {
					while (at < pattern.length() && pattern.charAt(at) != ')' && pattern.charAt(at) != ':') {
						at++;
					}
					if (at < pattern.length() && pattern.charAt(at) == ')') {
						at++;
						return Optional.empty();
					}
					at++;
				}
			}
			groups.push(new Group());
			return Optional.empty();
		}

		private Optional<String> close() {
			if (groups.size() == 1) {
				return atom();
			}
			Group closed = groups.pop();
			groups.peek().absorb(closed);
			at++;
			lastGroup = closed;
			return Optional.empty();
		}

		private Optional<String> alternative() {
			groups.peek().alternatives = true;
			at++;
			lastGroup = null;
			return Optional.empty();
		}

		private Optional<String> repeat(char c) {
			boolean varying;
			if (c == '{') {
				int end = pattern.indexOf('}', at);
				if (end < 0) {
					return atom();
				}
				String[] bounds = pattern.substring(at + 1, end).split(",", -1);
				at = end + 1;
				varying = bounds.length == 2 && !bounds[0].strip().equals(bounds[1].strip());
			}
			else {
				at++;
				varying = true;
			}
			boolean optionalOnly = c == '?';
			if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
				at++;
			}
			if (lastGroup != null && !optionalOnly && (lastGroup.repeats || lastGroup.alternatives)) {
				return Optional.of("A repeated group must not itself repeat or offer alternatives: shapes like "
						+ "(A+)+ or (A|AB)* can take a very long time to check. Repeat single characters or classes "
						+ "instead, e.g. [A-Z0-9]{6,12}.");
			}
			if (varying && !optionalOnly) {
				varyingRepeats++;
			}
			groups.peek().repeats = true;
			lastGroup = null;
			return Optional.empty();
		}

		private Optional<String> atom() {
			at++;
			lastGroup = null;
			return Optional.empty();
		}

	}

	/** What a group holds, counting every group nested in it. */
	private static final class Group {

		boolean repeats;

		boolean alternatives;

		void absorb(Group inner) {
			repeats |= inner.repeats;
			alternatives |= inner.alternatives;
		}

	}

}
