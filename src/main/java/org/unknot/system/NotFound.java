package org.unknot.system;

import java.util.List;
import java.util.Map;

/** Something named in the request does not exist. */
public class NotFound extends DomainProblem {

	private final String field;

	public NotFound(String field, String what, String id) {
		super(Kind.NOT_FOUND, "not-found", "There is no " + what + " '" + id + "'.");
		this.field = field;
	}

	@Override
	public Map<String, Object> properties() {
		return field == null ? Map.of()
				: Map.of("errors", List.of(new InvalidRequest.FieldProblem(field, getMessage())));
	}

}
