package org.unknot.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.SealedColumn;

/** Accounts in PostgreSQL. The TOTP secret column holds sealed values only. */
@Repository
public class Accounts {

	static final SealedColumn TOTP_SECRET = new SealedColumn("account", "id", "totp_secret");

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> byEmail(String email) {
		return jdbc.sql("SELECT * FROM account WHERE email = ?")
			.param(normalised(email))
			.query(Accounts::map)
			.optional();
	}

	public Optional<Account> byId(UUID id) {
		return jdbc.sql("SELECT * FROM account WHERE id = ?").param(id).query(Accounts::map).optional();
	}

	public List<Account> all() {
		return jdbc.sql("SELECT * FROM account ORDER BY role, email").query(Accounts::map).list();
	}

	/** Staff accounts (not patients'), by role and email: what admins manage. */
	public List<Account> staff() {
		return jdbc.sql("SELECT * FROM account WHERE role <> 'PATIENT' ORDER BY role, email")
			.query(Accounts::map)
			.list();
	}

	/** When the owner asked to close it, if they did. */
	Optional<java.time.Instant> closureRequestedAt(UUID id) {
		return jdbc.sql("SELECT closure_requested_at FROM account WHERE id = ?")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
			.optional()
			.flatMap(at -> at);
	}

	/** Removes the account and its sign-in links; the patient's records of care stay. */
	void remove(UUID id) {
		jdbc.sql("DELETE FROM sign_in_link WHERE account_id = ?").param(id).update();
		jdbc.sql("DELETE FROM account WHERE id = ?").param(id).update();
	}

	boolean anyWithRole(Role role) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE role = ?)")
			.param(role.name())
			.query(Boolean.class)
			.single();
	}

	void insert(Account account) {
		jdbc.sql(
				"""
						INSERT INTO account (id, email, display_name, role, clinic_ids, practitioner_id, patient_id, password_hash,
						    totp_secret, totp_confirmed, totp_last_step, enabled)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id(), normalised(account.email()), account.displayName(), account.role().name(),
					account.clinicIds().toArray(String[]::new), account.practitionerId(), account.patientId(),
					account.passwordHash(), account.sealedTotpSecret(), account.totpConfirmed(), account.totpLastStep(),
					account.enabled())
			.update();
	}

	void startTotpEnrolment(UUID id, String sealedSecret) {
		jdbc.sql("UPDATE account SET totp_secret = ?, totp_confirmed = false WHERE id = ? AND NOT totp_confirmed")
			.params(sealedSecret, id)
			.update();
	}

	/**
	 * Records a used TOTP step; false if a later or equal step was recorded meanwhile (a
	 * replay).
	 */
	boolean useTotpStep(UUID id, long step, boolean confirm) {
		return jdbc.sql("""
				UPDATE account SET totp_last_step = ?, totp_confirmed = totp_confirmed OR ?
				WHERE id = ? AND totp_last_step < ?""").params(step, confirm, id, step).update() == 1;
	}

	void setPassword(UUID id, String hash) {
		jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(hash, id).update();
	}

	void setAccess(UUID id, Role role, List<String> clinicIds, String practitionerId) {
		jdbc.sql("UPDATE account SET role = ?, clinic_ids = ?, practitioner_id = ? WHERE id = ?")
			.params(role.name(), clinicIds.toArray(String[]::new), practitionerId, id)
			.update();
	}

	void setEnabled(UUID id, boolean enabled) {
		jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?").params(enabled, id).update();
	}

	void requestClosure(UUID id, java.time.Instant at) {
		jdbc.sql("UPDATE account SET closure_requested_at = ? WHERE id = ? AND closure_requested_at IS NULL")
			.params(java.sql.Timestamp.from(at), id)
			.update();
	}

	/** An account whose owner asked to close it, and when. */
	public record ClosureRequest(Account account, java.time.Instant askedAt) {
	}

	/** Accounts whose owners asked to close them, oldest request first. */
	public List<ClosureRequest> closureRequested() {
		return jdbc.sql("SELECT * FROM account WHERE closure_requested_at IS NOT NULL ORDER BY closure_requested_at")
			.query((rs, n) -> new ClosureRequest(map(rs, n), rs.getTimestamp("closure_requested_at").toInstant()))
			.list();
	}

	static String normalised(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	private static Account map(ResultSet rs, int n) throws SQLException {
		Array clinics = rs.getArray("clinic_ids");
		String patient = rs.getString("patient_id");
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), Arrays.asList((String[]) clinics.getArray()),
				rs.getString("practitioner_id"), patient == null ? null : UUID.fromString(patient),
				rs.getString("password_hash"), rs.getString("totp_secret"), rs.getBoolean("totp_confirmed"),
				rs.getLong("totp_last_step"), rs.getBoolean("enabled"));
	}

}
