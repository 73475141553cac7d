package org.unknot.care.measures;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.patient.PatientId;

import tools.jackson.databind.ObjectMapper;

/**
 * Answered questionnaires: the answers sealed at rest and bound to their row, the score
 * beside them in the clear.
 */
@Repository
public class MeasureResponses {

	static final SealedColumn ANSWERS = new SealedColumn("measure_response", "id", "answers");

	static final int MAX_NAME = 120;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ObjectMapper json;

	MeasureResponses(JdbcClient jdbc, FieldCipher cipher, ObjectMapper json) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
	}

	/**
	 * Scores and stores these answers; refused, with a message per item, when incomplete.
	 */
	public MeasureResponse record(PatientId whose, Measure measure, Answers answers, Taken taken) {
		UUID patientId = whose.value();
		double score = measure.score(answers.scores());
		checkNames(measure, answers);
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO measure_response (id, patient_id, measure, plan_id, appointment_id, request_id, score, answers,
						    entered_by, answered_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, measure.code(), taken.planId(), taken.appointmentId(), taken.requestId(),
					BigDecimal.valueOf(score), cipher.seal(json.writeValueAsString(answers), ANSWERS.context(id)),
					taken.enteredBy(), Timestamp.from(taken.at()))
			.update();
		return new MeasureResponse(id, patientId, measure.code(), taken.planId(), taken.appointmentId(), score,
				taken.enteredBy(), taken.at());
	}

	/** Every response of a patient, oldest first. */
	public List<MeasureResponse> ofPatient(PatientId patientId) {
		return jdbc.sql("SELECT * FROM measure_response WHERE patient_id = ? ORDER BY answered_at")
			.param(patientId.value())
			.query(this::map)
			.list();
	}

	/** The answers of one response, opened for someone already allowed to see them. */
	public Answers answersOf(UUID responseId) {
		String sealed = jdbc.sql("SELECT answers FROM measure_response WHERE id = ?")
			.param(responseId)
			.query(String.class)
			.single();
		return json.readValue(cipher.open(sealed, ANSWERS.context(responseId)), Answers.class);
	}

	private static void checkNames(Measure measure, Answers answers) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Item item : measure.items()) {
			if (!item.named() || !answers.scores().containsKey(item.linkId())) {
				continue;
			}
			String name = answers.names().getOrDefault(item.linkId(), "").strip();
			if (name.isEmpty() || name.length() > MAX_NAME) {
				problems.add(new FieldProblem("name-" + item.linkId(),
						"Name the activity you rated, in up to " + MAX_NAME + " characters."));
			}
		}
		for (Map.Entry<String, String> named : answers.names().entrySet()) {
			if (!named.getValue().isBlank() && !answers.scores().containsKey(named.getKey())) {
				problems.add(new FieldProblem("answer-" + named.getKey(), "Rate the activity you named."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("Each activity needs a name and a rating.", problems);
		}
	}

	private MeasureResponse map(ResultSet rs, int n) throws SQLException {
		return new MeasureResponse(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("measure"), rs.getObject("plan_id", UUID.class),
				rs.getObject("appointment_id", UUID.class), rs.getBigDecimal("score").doubleValue(),
				rs.getString("entered_by"), rs.getTimestamp("answered_at").toInstant());
	}

	/**
	 * Where and by whom a response was taken.
	 *
	 * @param planId the plan it was taken for, or null
	 * @param appointmentId the visit it was taken before, or null
	 * @param requestId the questionnaire sent for it, or null
	 * @param enteredBy "patient" (the portal or a link), or the staff member who entered
	 * it
	 */
	public record Taken(UUID planId, UUID appointmentId, UUID requestId, String enteredBy, Instant at) {

		public Taken {
			if (enteredBy == null || enteredBy.isBlank() || at == null) {
				throw new IllegalArgumentException("A response says who entered it and when");
			}
		}

	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn measureResponseAnswers() {
			return ANSWERS;
		}

	}

}
