package org.unknot.insurance;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payment choice of each visit. The only code that reads or writes the member id, so that
 * encrypting it at rest happens here.
 */
@Repository
public class InsuranceChoices {

	private final JdbcClient jdbc;

	InsuranceChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID appointmentId, InsuranceChoice choice) {
		jdbc.sql("""
				INSERT INTO appointment_insurance (appointment_id, plan_id, member_id, covered) VALUES (?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO UPDATE
				   SET plan_id = EXCLUDED.plan_id, member_id = EXCLUDED.member_id, covered = EXCLUDED.covered""")
			.params(appointmentId, choice.planId(), choice.memberId() == null ? null : choice.memberId().value(),
					choice.covered())
			.update();
	}

	public Optional<InsuranceChoice> of(UUID appointmentId) {
		return jdbc.sql("SELECT * FROM appointment_insurance WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> {
				String member = rs.getString("member_id");
				return new InsuranceChoice(rs.getString("plan_id"), member == null ? null : new MemberId(member),
						rs.getBoolean("covered"));
			})
			.optional();
	}
}
