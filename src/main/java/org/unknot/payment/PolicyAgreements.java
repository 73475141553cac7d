package org.unknot.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;

/** The payment policy as a patient saw it when they agreed to it, per visit. */
@Repository
public class PolicyAgreements {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	PolicyAgreements(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** What was agreed: the words shown, when and by whom. */
	public record Agreement(UUID appointmentId, String words, String agreedBy, Instant agreedAt) {
	}

	/** Records the words the patient ticked "I agree" to, with the visit they booked. */
	@Transactional
	public void agreed(UUID appointmentId, PatientId patient, ServiceId serviceId, String words, Actor by) {
		UUID patientId = patient.value();
		jdbc.sql("""
				INSERT INTO policy_agreement (appointment_id, patient_id, service_id, words, agreed_by, agreed_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (appointment_id) DO NOTHING""")
			.params(appointmentId, patientId, serviceId.value(), words, by.name(), Timestamp.from(clock.instant()))
			.update();
		audit.record(new AuditEvent(by.name(), by.role(), patientId, "CREATE",
				"payment-policy-agreement:" + appointmentId, null, null, AuditEvent.Outcome.SUCCESS));
	}

	@Transactional(readOnly = true)
	public Optional<Agreement> of(UUID appointmentId) {
		return jdbc.sql("SELECT * FROM policy_agreement WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> new Agreement(rs.getObject("appointment_id", UUID.class), rs.getString("words"),
					rs.getString("agreed_by"), rs.getTimestamp("agreed_at").toInstant()))
			.optional();
	}

}
