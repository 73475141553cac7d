package org.unknot.care.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.notification.Notifications;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.NotFound;
import org.unknot.system.SecretToken;
import org.unknot.system.SiteAddress;
import org.unknot.system.Times;
import org.unknot.patient.PatientId;

/**
 * Questionnaires sent to a patient before a visit: a link with an unguessable token (only
 * its hash is kept) through the outbox, in the transaction that asks; answered once, on
 * the link's page or in the portal, and not after it expires.
 */
@Service
public class QuestionnaireRequests {

	private final JdbcClient jdbc;

	private final Measures measures;

	private final MeasureResponses responses;

	private final MeasureSchedules schedules;

	private final Notifications notifications;

	private final Patients patients;

	private final SiteAddress site;

	private final Clock clock;

	QuestionnaireRequests(JdbcClient jdbc, Measures measures, MeasureResponses responses, MeasureSchedules schedules,
			Notifications notifications, Patients patients, SiteAddress site, Clock clock) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.responses = responses;
		this.schedules = schedules;
		this.notifications = notifications;
		this.patients = patients;
		this.site = site;
		this.clock = clock;
	}

	/** A questionnaire sent: its id, and the token of its link (shown nowhere else). */
	public record Sent(UUID id, String token) {
	}

	/** A questionnaire as sent: which measures it asks, for which visit, until when. */
	public record Request(UUID id, UUID patientId, List<String> measures, UUID planId, UUID appointmentId,
			Instant expiresAt, Instant answeredAt) {

		public boolean answered() {
			return answeredAt != null;
		}

		public boolean expired(Instant now) {
			return !now.isBefore(expiresAt);
		}

	}

	/**
	 * Sends the measures the plan takes at this visit, if any, as one questionnaire that
	 * works until the visit begins. Answers what was sent.
	 */
	@Transactional
	public Optional<Sent> sendDue(UUID planId, PatientId patientId, UUID appointmentId, UpcomingVisit visit,
			Instant visitStart, ZoneId zone) {
		Set<String> due = schedules.dueAt(planId, visit);
		return due.isEmpty() ? Optional.empty()
				: Optional.of(send(patientId, List.copyOf(due), planId, appointmentId, visitStart, zone));
	}

	/**
	 * Sends a questionnaire of these measures; the message says only that there are
	 * questions, the link, and until when (in {@code zone}) it works.
	 */
	@Transactional
	public Sent send(PatientId whose, List<String> codes, UUID planId, UUID appointmentId, Instant expiresAt,
			ZoneId zone) {
		UUID patientId = whose.value();
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("A questionnaire asks at least one measure");
		}
		codes.forEach(measures::get);
		Patient patient = patients.get(patientId);
		UUID id = UUID.randomUUID();
		SecretToken token = SecretToken.generate();
		jdbc.sql(
				"""
						INSERT INTO questionnaire_request (id, patient_id, measures, plan_id, appointment_id, token_hash, expires_at,
						    created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, String.join(",", codes), planId, appointmentId, token.hash(),
					Timestamp.from(expiresAt), Timestamp.from(clock.instant()))
			.update();
		notifications.questionnaireDue(id, whose, expiresAt, notifications.questionnaireMessage(patient.givenName(),
				site.link("/questionnaires/" + token.value()), Times.shortDateTime(expiresAt, zone)));
		return new Sent(id, token.value());
	}

	public Optional<Request> byToken(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM questionnaire_request WHERE token_hash = ?")
			.param(SecretToken.hash(token))
			.query(this::map)
			.optional();
	}

	/** A questionnaire of this patient's, never one of another's. */
	public Optional<Request> ofPatient(UUID requestId, PatientId patientId) {
		return jdbc.sql("SELECT * FROM questionnaire_request WHERE id = ? AND patient_id = ?")
			.params(requestId, patientId.value())
			.query(this::map)
			.optional();
	}

	/** The patient's questionnaires still to answer, soonest to expire first. */
	public List<Request> openFor(PatientId patientId) {
		return jdbc.sql("""
				SELECT * FROM questionnaire_request WHERE patient_id = ? AND answered_at IS NULL AND expires_at > ?
				ORDER BY expires_at""")
			.params(patientId.value(), Timestamp.from(clock.instant()))
			.query(this::map)
			.list();
	}

	/** The measures a questionnaire asks, in its order. */
	public List<Measure> measuresOf(Request request) {
		return request.measures().stream().map(measures::get).toList();
	}

	/**
	 * Records the answers to every measure of the questionnaire, once. Refused with a
	 * message per field (named {@code <measure>.<field>}) when answers are missing;
	 * {@link QuestionnaireClosed} when answered already or expired.
	 */
	@Transactional
	public List<MeasureResponse> answer(UUID requestId, Map<String, Answers> byMeasure, String enteredBy) {
		Request request = jdbc.sql("SELECT * FROM questionnaire_request WHERE id = ? FOR UPDATE")
			.param(requestId)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFound(null, "questionnaire", requestId.toString()));
		Instant now = clock.instant();
		if (request.answered() || request.expired(now)) {
			throw new QuestionnaireClosed(request.answered());
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<MeasureResponse> recorded = new ArrayList<>();
		for (Measure measure : measuresOf(request)) {
			try {
				recorded.add(responses.record(PatientId.of(request.patientId()), measure,
						byMeasure.getOrDefault(measure.code(), Answers.of(Map.of())), new MeasureResponses.Taken(
								request.planId(), request.appointmentId(), request.id(), enteredBy, now)));
			}
			catch (InvalidRequest invalid) {
				invalid.errors()
					.forEach(error -> problems
						.add(new FieldProblem(measure.code() + "." + error.field(), error.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("Some answers are missing; see the messages beside the questions.", problems);
		}
		jdbc.sql("UPDATE questionnaire_request SET answered_at = ? WHERE id = ?")
			.params(Timestamp.from(now), requestId)
			.update();
		return recorded;
	}

	private Request map(ResultSet rs, int n) throws SQLException {
		Timestamp answered = rs.getTimestamp("answered_at");
		return new Request(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				Arrays.asList(rs.getString("measures").split(",")), rs.getObject("plan_id", UUID.class),
				rs.getObject("appointment_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
				answered == null ? null : answered.toInstant());
	}

}
