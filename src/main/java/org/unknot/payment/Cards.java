package org.unknot.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.patient.PatientId;

/** Each patient's customer at the provider and card on file. */
@Repository
public class Cards {

	private final JdbcClient jdbc;

	private final Clock clock;

	Cards(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<CardOnFile> of(PatientId patientId) {
		return jdbc.sql("SELECT * FROM payment_card WHERE patient_id = ?")
			.param(patientId.value())
			.query((rs, n) -> new CardOnFile(rs.getObject("patient_id", UUID.class), rs.getString("provider"),
					rs.getString("customer_reference"), rs.getString("method_reference"), rs.getString("described_as"),
					rs.getString("consent_words"),
					rs.getTimestamp("consented_at") == null ? null : rs.getTimestamp("consented_at").toInstant()))
			.optional();
	}

	@Transactional
	void customer(UUID patientId, String provider, String customer) {
		jdbc.sql("""
				INSERT INTO payment_card (patient_id, provider, customer_reference, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (patient_id) DO NOTHING""")
			.params(patientId, provider, customer, Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The words the patient is asked to agree to before giving a card: kept until the
	 * card is given, and only then counted as agreed.
	 */
	@Transactional
	void offer(UUID patientId, String consentWords) {
		jdbc.sql("UPDATE payment_card SET consent_words = ?, updated_at = ? WHERE patient_id = ?")
			.params(consentWords, Timestamp.from(clock.instant()), patientId)
			.update();
	}

	/** The card the patient gave after agreeing to the words offered. */
	@Transactional
	void keep(UUID patientId, String card, String describedAs) {
		jdbc.sql("""
				UPDATE payment_card SET method_reference = ?, described_as = ?, consented_at = ?, updated_at = ?
				WHERE patient_id = ? AND consent_words IS NOT NULL""")
			.params(card, describedAs, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), patientId)
			.update();
	}

}
