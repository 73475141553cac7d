package org.unknot.system;

import java.util.List;
import java.util.Map;

/**
 * A request that names things that exist but asks for something the rules do not allow.
 */
public class InvalidRequest extends DomainProblem {

	private final List<FieldProblem> errors;

	public InvalidRequest(String field, String message) {
		this(message, List.of(new FieldProblem(field, message)));
	}

	public InvalidRequest(String detail, List<FieldProblem> errors) {
		super(Kind.INVALID, "invalid-request", detail);
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	/**
	 * The first message for each field, in the order the fields were named: what a form
	 * shows beside them.
	 */
	public Map<String, String> byField() {
		Map<String, String> byField = new java.util.LinkedHashMap<>();
		errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
		return byField;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", errors);
	}

	public record FieldProblem(String field, String message) {
	}

}
