package org.unknot.insurance;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.system.WritesAtCommit;

/**
 * The payment choice of each visit. The member id is sealed at rest, bound to its
 * appointment.
 */
@Repository
public class InsuranceChoices {

	static final SealedColumn MEMBER_ID = new SealedColumn("appointment_insurance", "appointment_id", "member_id");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final WritesAtCommit atCommit;

	InsuranceChoices(JdbcClient jdbc, FieldCipher cipher, WritesAtCommit atCommit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.atCommit = atCommit;
	}

	/**
	 * The payer of a visit booked in this transaction, which has none yet: written with
	 * the transaction's other deferred writes, just before it commits.
	 */
	public void recordForNewVisit(UUID appointmentId, InsuranceChoice choice) {
		atCommit.add(
				"INSERT INTO appointment_insurance (appointment_id, plan_id, member_id, covered) VALUES (?, ?, ?, ?)",
				appointmentId, choice.planId(), sealedMemberId(appointmentId, choice), choice.covered());
	}

	/** The payer of a visit, replacing the one it had. */
	public void record(UUID appointmentId, InsuranceChoice choice) {
		atCommit.flush();
		jdbc.sql("""
				INSERT INTO appointment_insurance (appointment_id, plan_id, member_id, covered) VALUES (?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO UPDATE
				   SET plan_id = EXCLUDED.plan_id, member_id = EXCLUDED.member_id, covered = EXCLUDED.covered""")
			.params(appointmentId, choice.planId(), sealedMemberId(appointmentId, choice), choice.covered())
			.update();
	}

	private String sealedMemberId(UUID appointmentId, InsuranceChoice choice) {
		return choice.memberId() == null ? null
				: cipher.seal(choice.memberId().value(), MEMBER_ID.context(appointmentId));
	}

	public Optional<InsuranceChoice> of(UUID appointmentId) {
		atCommit.flush();
		return jdbc.sql("SELECT * FROM appointment_insurance WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> {
				String member = cipher.open(rs.getString("member_id"), MEMBER_ID.context(appointmentId));
				return new InsuranceChoice(rs.getString("plan_id"), member == null ? null : new MemberId(member),
						rs.getBoolean("covered"));
			})
			.optional();
	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn insuranceMemberIds() {
			return MEMBER_ID;
		}

	}

}
