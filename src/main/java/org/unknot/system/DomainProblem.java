package org.unknot.system;

import java.util.Map;

/**
 * A rule of the business said no. Each subclass names what happened; {@link Kind} tells
 * the web layer which answer fits, without the domain knowing about HTTP.
 */
public abstract class DomainProblem extends RuntimeException {

	public enum Kind {

		/** The thing asked for does not exist (404). */
		NOT_FOUND,
		/** The request is well formed but breaks a rule (422). */
		INVALID,
		/** The request clashes with the current state, e.g. the slot is taken (409). */
		CONFLICT,
		/**
		 * The client asks for more than its share; {@code retryAfter} (seconds) in the
		 * properties says when to try again (429).
		 */
		TOO_MANY

	}

	private final Kind kind;

	private final String type;

	protected DomainProblem(Kind kind, String type, String detail) {
		super(detail);
		this.kind = kind;
		this.type = type;
	}

	public Kind kind() {
		return kind;
	}

	/** A short stable slug, the last segment of the problem type URI. */
	public String type() {
		return type;
	}

	/** Extra members of the problem document, for clients that act on them. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
