package org.unknot.insurance;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;

/**
 * The payment choice of each visit. The member id is sealed at rest, bound to its
 * appointment.
 */
@Repository
public class InsuranceChoices {

	static final SealedColumn MEMBER_ID = new SealedColumn("appointment_insurance", "appointment_id", "member_id");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	InsuranceChoices(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public void record(UUID appointmentId, InsuranceChoice choice) {
		jdbc.sql("""
				INSERT INTO appointment_insurance (appointment_id, plan_id, member_id, covered) VALUES (?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO UPDATE
				   SET plan_id = EXCLUDED.plan_id, member_id = EXCLUDED.member_id, covered = EXCLUDED.covered""")
			.params(appointmentId, choice.planId(),
					choice.memberId() == null ? null
							: cipher.seal(choice.memberId().value(), MEMBER_ID.context(appointmentId)),
					choice.covered())
			.update();
	}

	public Optional<InsuranceChoice> of(UUID appointmentId) {
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
