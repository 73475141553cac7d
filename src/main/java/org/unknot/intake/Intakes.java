package org.unknot.intake;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intake given for each visit. The only code that reads or writes intake answers, so that
 * encrypting them at rest happens here.
 */
@Repository
public class Intakes {

	private final JdbcClient jdbc;

	Intakes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param acknowledged the patient read the advice to see a physician and chose to go ahead
	 */
	public void record(UUID appointmentId, HealthIntake intake, Triage triage, boolean acknowledged) {
		if (triage == Triage.EMERGENCY) {
			throw new IllegalArgumentException("Nothing is booked on an emergency intake");
		}
		jdbc.sql("""
				INSERT INTO appointment_intake (appointment_id, body_regions, intensity, pain_duration, causes, red_flags,
				    triage, advice_acknowledged)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO NOTHING""")
			.params(appointmentId, names(intake.regions()), intake.intensity(), intake.duration().name(),
					names(intake.causes()), names(intake.redFlags()), triage.name(), acknowledged)
			.update();
	}

	public Optional<RecordedIntake> of(UUID appointmentId) {
		return jdbc.sql("SELECT * FROM appointment_intake WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> new RecordedIntake(new HealthIntake(set(rs.getArray("body_regions"), BodyRegion::valueOf),
					rs.getInt("intensity"), PainDuration.valueOf(rs.getString("pain_duration")),
					set(rs.getArray("causes"), Cause::valueOf), set(rs.getArray("red_flags"), RedFlag::valueOf)),
					Triage.valueOf(rs.getString("triage")), rs.getBoolean("advice_acknowledged")))
			.optional();
	}

	private static String[] names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static <E> Set<E> set(Array array, Function<String, E> parse) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(parse).collect(Collectors.toSet());
	}

	public record RecordedIntake(HealthIntake intake, Triage triage, boolean adviceAcknowledged) {
	}
}
