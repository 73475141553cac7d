package org.unknot.care;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;

import tools.jackson.databind.ObjectMapper;

/**
 * The intake given for each visit, sealed at rest: the answers are kept as one sealed
 * JSON value bound to their appointment, so a copied value opens for no other visit.
 */
@Repository
public class Intakes {

	static final SealedColumn ANSWERS = new SealedColumn("appointment_intake", "appointment_id", "answers");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ObjectMapper json;

	Intakes(JdbcClient jdbc, FieldCipher cipher, ObjectMapper json) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
	}

	/**
	 * @param acknowledged the patient read the advice to see a physician and chose to go
	 * ahead
	 */
	public void record(UUID appointmentId, HealthIntake intake, Triage triage, boolean acknowledged) {
		if (triage == Triage.EMERGENCY) {
			throw new IllegalArgumentException("Nothing is booked on an emergency intake");
		}
		var stored = new Stored(names(intake.regions()), intake.intensity(), intake.duration().name(),
				names(intake.causes()), names(intake.redFlags()), triage.name(), acknowledged);
		jdbc.sql(
				"INSERT INTO appointment_intake (appointment_id, answers) VALUES (?, ?) ON CONFLICT (appointment_id) DO NOTHING")
			.params(appointmentId, cipher.seal(json.writeValueAsString(stored), ANSWERS.context(appointmentId)))
			.update();
	}

	public Optional<RecordedIntake> of(UUID appointmentId) {
		return jdbc.sql("SELECT answers FROM appointment_intake WHERE appointment_id = ?")
			.param(appointmentId)
			.query(String.class)
			.optional()
			.map(sealed -> json.readValue(cipher.open(sealed, ANSWERS.context(appointmentId)), Stored.class))
			.map(Stored::recorded);
	}

	private static List<String> names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toList();
	}

	private static <E> Set<E> set(List<String> names, Function<String, E> parse) {
		return names.stream().map(parse).collect(Collectors.toSet());
	}

	public record RecordedIntake(HealthIntake intake, Triage triage, boolean adviceAcknowledged) {
	}

	/** The sealed JSON form. */
	record Stored(List<String> regions, int intensity, String duration, List<String> causes, List<String> redFlags,
			String triage, boolean acknowledged) {

		RecordedIntake recorded() {
			return new RecordedIntake(
					new HealthIntake(set(regions, BodyRegion::valueOf), intensity, PainDuration.valueOf(duration),
							set(causes, Cause::valueOf), set(redFlags, RedFlag::valueOf)),
					Triage.valueOf(triage), acknowledged);
		}
	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn intakeAnswers() {
			return ANSWERS;
		}

	}

}
