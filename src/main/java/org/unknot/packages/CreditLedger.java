package org.unknot.packages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.catalog.Clinics;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.system.Money;
import org.unknot.system.ReadInThisTransaction;
import org.unknot.system.Times;

/**
 * The credits of every holding, as a ledger: a visit spends one, a cancellation within
 * policy gives it back, and what is left when a holding runs out expires. Each change
 * locks its holding's row first, so changes to one holding take turns and each reads the
 * balance the last one left; the table's own rules (see the migration) refuse anything
 * that would not follow the last row or would go below zero, should a caller ever skip
 * the lock.
 */
@Service
public class CreditLedger {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Clinics clinics;

	private final Patients patients;

	/** Holdings opened in this transaction (a patient it created may hold one). */
	private final ReadInThisTransaction<UUID, Boolean> opened = new ReadInThisTransaction<>();

	CreditLedger(JdbcClient jdbc, Clock clock, Clinics clinics, Patients patients) {
		this.patients = patients;
		this.jdbc = jdbc;
		this.clock = clock;
		this.clinics = clinics;
	}

	/**
	 * Spends one credit on a visit just booked, from the patient's package that covers
	 * its service, is valid on the day and runs out first; nothing when the patient holds
	 * none with a credit left (the visit is then paid as usual).
	 */
	@Transactional
	public Optional<CreditUse> spendFor(Appointment visit) {
		if (visit.patientId() == null) {
			return Optional.empty();
		}
		if (patients.createdInThisTransaction(visit.patientId().value()) && opened.none()) {
			return Optional.empty(); // a patient new in this transaction holds no package
		}
		for (UUID holding : covering(visit)) {
			lock(holding);
			if (balance(holding) > 0) {
				append(holding, CreditMovement.Kind.SPENT, -1, visit.id());
				return spentOn(visit.id());
			}
		}
		return Optional.empty();
	}

	/**
	 * The patient's holdings that cover the visit's service and are valid now and at its
	 * start, the one running out first first: the order in which they are spent and
	 * locked, so that two changes never wait for each other's locks.
	 */
	private List<UUID> covering(Appointment visit) {
		return jdbc.sql("""
				SELECT h.id FROM package_holding h
				  JOIN care_package_service s ON s.package_id = h.package_id AND s.service_id = ?
				 WHERE h.patient_id = ? AND h.valid_until > ? AND h.valid_until > ?
				 ORDER BY h.valid_until, h.sold_at, h.id""")
			.params(visit.serviceId().value(), visit.patientId().value(), Timestamp.from(visit.start()),
					Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
	}

	/**
	 * After a visit's move: when the package whose credit pays for it runs out before its
	 * new time, and another of the patient's packages that covers the service is valid
	 * then and has a credit left, the credit moves there: the first package gets it back
	 * and the other spends one, in the move's transaction. Answers the credit now spent;
	 * nothing when no credit moved (the visit's package still covers it, it spent none,
	 * or none of the others can pay: see {@link #refusalAfterMove}).
	 */
	@Transactional
	public Optional<CreditUse> switchAfterMove(Appointment moved) {
		Optional<UUID> paying = unreturned(moved.id()).flatMap(this::holding)
			.filter(held -> !held.validUntil().isAfter(moved.start()))
			.map(Holding::id);
		if (paying.isEmpty() || moved.patientId() == null) {
			return Optional.empty();
		}
		// the package that runs out first is locked first, as every change locks them
		lock(paying.get());
		if (!paying.equals(unreturned(moved.id()))) {
			return Optional.empty();
		}
		for (UUID other : covering(moved)) {
			lock(other);
			if (balance(other) > 0) {
				append(paying.get(), CreditMovement.Kind.RETURNED, 1, moved.id());
				append(other, CreditMovement.Kind.SPENT, -1, moved.id());
				return use(moved.id(), other);
			}
		}
		return Optional.empty();
	}

	/**
	 * Gives back the credit a visit spent, once; nothing if it spent none or has it back
	 * already.
	 */
	@Transactional
	public Optional<CreditUse> giveBack(UUID appointmentId) {
		Optional<UUID> holding = unreturned(appointmentId);
		if (holding.isEmpty()) {
			return Optional.empty();
		}
		lock(holding.get());
		// read again under the lock: a change that held it may have given it back
		if (!holding.equals(unreturned(appointmentId))) {
			return Optional.empty();
		}
		append(holding.get(), CreditMovement.Kind.RETURNED, 1, appointmentId);
		return use(appointmentId, holding.get());
	}

	/**
	 * Why the credit a visit spent cannot pay for it at the time it was just moved to:
	 * its package runs out before then. Nothing when it spent none, has it back, or its
	 * package is still valid at the new time. Asked after {@link #switchAfterMove}, it
	 * answers only when no other package could take the credit over.
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusalAfterMove(Appointment moved) {
		return unreturned(moved.id()).flatMap(this::holding)
			.filter(held -> !held.validUntil().isAfter(moved.start()))
			.map(held -> "The " + held.packageName() + " package that paid for this visit runs out on "
					+ Times.day(held.validUntil().atZone(clinics.zoneOf(moved.location())).toLocalDate())
					+ ", before the new time.");
	}

	private Optional<UUID> unreturned(UUID appointmentId) {
		return jdbc.sql("""
				SELECT holding_id FROM credit_movement s WHERE s.appointment_id = ? AND s.kind = 'SPENT'
				   AND NOT EXISTS (SELECT 1 FROM credit_movement r
				                    WHERE r.appointment_id = s.appointment_id AND r.holding_id = s.holding_id
				                      AND r.kind = 'RETURNED')""").param(appointmentId).query(UUID.class).optional();
	}

	/**
	 * The credit a visit spent (the one it holds, else the last it spent) and what is
	 * left in its package now.
	 */
	@Transactional(readOnly = true)
	public Optional<CreditUse> spentOn(UUID appointmentId) {
		return jdbc.sql("""
				SELECT s.holding_id FROM credit_movement s WHERE s.appointment_id = ? AND s.kind = 'SPENT'
				 ORDER BY EXISTS (SELECT 1 FROM credit_movement r
				                   WHERE r.appointment_id = s.appointment_id AND r.holding_id = s.holding_id
				                     AND r.kind = 'RETURNED'), s.at DESC, s.seq DESC
				 LIMIT 1""")
			.param(appointmentId)
			.query(UUID.class)
			.optional()
			.flatMap(holding -> use(appointmentId, holding));
	}

	/** A patient's packages, the newest first, each with its balance now. */
	@Transactional(readOnly = true)
	public List<Holding> holdings(PatientId patient) {
		return jdbc.sql(HOLDINGS + " WHERE h.patient_id = ? ORDER BY h.sold_at DESC, h.id")
			.param(patient.value())
			.query(CreditLedger::holding)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Holding> holding(UUID id) {
		return jdbc.sql(HOLDINGS + " WHERE h.id = ?").param(id).query(CreditLedger::holding).optional();
	}

	/** The ledger of one holding, oldest first. */
	@Transactional(readOnly = true)
	public List<CreditMovement> movements(UUID holdingId) {
		return jdbc.sql("SELECT * FROM credit_movement WHERE holding_id = ? ORDER BY seq")
			.param(holdingId)
			.query((rs, n) -> new CreditMovement(rs.getInt("seq"), CreditMovement.Kind.valueOf(rs.getString("kind")),
					rs.getInt("credits"), rs.getInt("balance_after"), rs.getObject("appointment_id", UUID.class),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Writes off the credits left in every holding that has run out; answers how many
	 * holdings it closed.
	 */
	@Transactional
	public int expireDue() {
		List<UUID> due = jdbc.sql("""
				SELECT h.id FROM package_holding h
				 WHERE h.valid_until <= ?
				   AND (SELECT m.balance_after FROM credit_movement m WHERE m.holding_id = h.id
				         ORDER BY m.seq DESC LIMIT 1) > 0""")
			.param(Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
		int closed = 0;
		for (UUID holding : due) {
			lock(holding);
			int left = balance(holding);
			if (left > 0) {
				append(holding, CreditMovement.Kind.EXPIRED, -left, null);
				closed++;
			}
		}
		return closed;
	}

	/** The first row of a new holding's ledger: its credits, bought. */
	void open(UUID holdingId, int credits) {
		opened.remember(holdingId, true);
		lock(holdingId);
		append(holdingId, CreditMovement.Kind.BOUGHT, credits, null);
	}

	private void lock(UUID holdingId) {
		jdbc.sql("SELECT id FROM package_holding WHERE id = ? FOR UPDATE").param(holdingId).query(UUID.class).single();
	}

	private int balance(UUID holdingId) {
		return jdbc.sql("SELECT balance_after FROM credit_movement WHERE holding_id = ? ORDER BY seq DESC LIMIT 1")
			.param(holdingId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Appends the next row; the caller holds the holding's lock. */
	private void append(UUID holdingId, CreditMovement.Kind kind, int credits, UUID appointmentId) {
		jdbc.sql(
				"""
						INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at)
						SELECT ?, coalesce(max(seq), 0) + 1, ?, ?,
						       coalesce((SELECT balance_after FROM credit_movement WHERE holding_id = ? ORDER BY seq DESC LIMIT 1), 0) + ?,
						       ?, ?
						  FROM credit_movement WHERE holding_id = ?""")
			.params(holdingId, kind.name(), credits, holdingId, credits, appointmentId, Timestamp.from(clock.instant()),
					holdingId)
			.update();
	}

	private Optional<CreditUse> use(UUID appointmentId, UUID holdingId) {
		return holding(holdingId).map(
				held -> new CreditUse(appointmentId, held.id(), held.packageName(), held.balance(), held.validUntil()));
	}

	private static final String HOLDINGS = """
			SELECT h.*, p.name AS package_name,
			       coalesce((SELECT m.balance_after FROM credit_movement m WHERE m.holding_id = h.id
			                  ORDER BY m.seq DESC LIMIT 1), 0) AS balance
			  FROM package_holding h JOIN care_package p ON p.id = h.package_id""";

	private static Holding holding(ResultSet rs, int n) throws SQLException {
		String paid = rs.getString("paid_how");
		return new Holding(rs.getObject("id", UUID.class), rs.getString("package_id"), rs.getString("package_name"),
				rs.getObject("patient_id", UUID.class),
				Money.of(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
				paid == null ? PaidHow.TO_PAY_AT_CLINIC : PaidHow.valueOf(paid), rs.getTimestamp("sold_at").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), rs.getInt("balance"));
	}

}
