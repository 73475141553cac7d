package org.unknot.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.patient.PatientId;
import org.unknot.system.Money;

/**
 * The money ledger. Rows are only ever added (the database refuses to change or delete
 * one), each with the audit entry that says who wrote it; what is owed and what was paid
 * are sums over them.
 */
@Repository
public class Ledger {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Ledger(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A row to write; the ledger gives it its id, time and receipt number. */
	public record Line(String key, EntryKind kind, Purpose purpose, UUID patientId, UUID appointmentId, Money amount,
			Method method, String providerReference, String reason) {
	}

	/**
	 * Writes the row unless one with its key exists: answers the row written, or empty
	 * when the key was already there (a retry, a second webhook, a listener run twice).
	 */
	@Transactional
	public Optional<LedgerEntry> write(Line line, Actor by) {
		boolean movesMoney = line.kind() == EntryKind.PAYMENT || line.kind() == EntryKind.REFUND;
		var entry = new LedgerEntry(UUID.randomUUID(), line.key(), line.kind(), line.purpose(), line.patientId(),
				line.appointmentId(), line.amount(), line.method(), line.providerReference(), line.reason(), by.name(),
				clock.instant().truncatedTo(ChronoUnit.MICROS), null);
		Long receipt = movesMoney ? jdbc.sql("SELECT nextval('payment_receipt_number')").query(Long.class).single()
				: null;
		int written = jdbc.sql("""
				INSERT INTO payment_entry (id, entry_key, kind, purpose, patient_id, appointment_id, amount_minor,
				    currency, method, provider_reference, reason, recorded_by, at, receipt_number)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (entry_key) DO NOTHING""")
			.params(entry.id(), entry.key(), entry.kind().name(), entry.purpose().name(), entry.patientId(),
					entry.appointmentId(), entry.amount().minorUnits(), entry.amount().currency().getCurrencyCode(),
					entry.method() == null ? null : entry.method().name(), entry.providerReference(), entry.reason(),
					entry.recordedBy(), Timestamp.from(entry.at()), receipt)
			.update();
		if (written == 0) {
			return Optional.empty();
		}
		audit.record(new AuditEvent(by.name(), by.role(), line.patientId(), "CREATE",
				"payment-" + line.kind().name().toLowerCase() + ":" + entry.id(),
				line.kind() == EntryKind.WAIVER ? line.reason() : null, null, AuditEvent.Outcome.SUCCESS));
		return Optional.of(new LedgerEntry(entry.id(), entry.key(), entry.kind(), entry.purpose(), entry.patientId(),
				entry.appointmentId(), entry.amount(), entry.method(), entry.providerReference(), entry.reason(),
				entry.recordedBy(), entry.at(), receipt));
	}

	@Transactional(readOnly = true)
	public Optional<LedgerEntry> find(UUID id) {
		return jdbc.sql("SELECT * FROM payment_entry WHERE id = ?").param(id).query(Ledger::map).optional();
	}

	@Transactional(readOnly = true)
	public Optional<LedgerEntry> byKey(String key) {
		return jdbc.sql("SELECT * FROM payment_entry WHERE entry_key = ?").param(key).query(Ledger::map).optional();
	}

	/** Every row of the patient, oldest first. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> ofPatient(PatientId patientId) {
		return jdbc.sql("SELECT * FROM payment_entry WHERE patient_id = ? ORDER BY at, receipt_number NULLS FIRST, id")
			.param(patientId.value())
			.query(Ledger::map)
			.list();
	}

	/** Every row of the visit, oldest first. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> ofVisit(UUID appointmentId) {
		return jdbc
			.sql("SELECT * FROM payment_entry WHERE appointment_id = ? ORDER BY at, receipt_number NULLS FIRST, id")
			.param(appointmentId)
			.query(Ledger::map)
			.list();
	}

	static LedgerEntry map(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		String method = rs.getString("method");
		long receipt = rs.getLong("receipt_number");
		Long receiptNumber = rs.wasNull() ? null : receipt;
		return new LedgerEntry(rs.getObject("id", UUID.class), rs.getString("entry_key"),
				EntryKind.valueOf(rs.getString("kind")), Purpose.valueOf(rs.getString("purpose")),
				rs.getObject("patient_id", UUID.class), rs.getObject("appointment_id", UUID.class),
				Money.of(rs.getLong("amount_minor"), currency), method == null ? null : Method.valueOf(method),
				rs.getString("provider_reference"), rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("at").toInstant(), receiptNumber);
	}

}
