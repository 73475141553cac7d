package org.unknot.care.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unknot.system.NotFound;

/** Every measure the clinic can take: the built-in ones, then those it added. */
@Component
public class Measures {

	private final QuestionnaireDefinitions definitions;

	Measures(QuestionnaireDefinitions definitions) {
		this.definitions = definitions;
	}

	public List<Measure> all() {
		List<Measure> all = new ArrayList<>(BuiltInMeasures.ALL);
		all.addAll(definitions.all());
		return all;
	}

	public Optional<Measure> find(String code) {
		return BuiltInMeasures.ALL.stream()
			.filter(measure -> measure.code().equals(code))
			.findFirst()
			.or(() -> definitions.find(code));
	}

	public Measure get(String code) {
		return find(code).orElseThrow(() -> new NotFound(null, "measure", code));
	}

}
