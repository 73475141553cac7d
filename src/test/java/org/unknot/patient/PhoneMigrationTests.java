package org.unknot.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;

/**
 * Numbers stored before phones were checked: V20 rewrites what reads as a number in
 * E.164, and what does not is still read as it was typed.
 */
@UnknotIntegrationTest
class PhoneMigrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patients patients;

	@Test
	void rewritesStoredNumbersInE164AndReadsTheRestAsTyped() throws IOException {
		Map<String, String> typedToStored = Map.of("(973) 555-0142", "+19735550142", "1-973-555-0143", "+19735550143",
				"+44 20 7946 0958", "+442079460958", "+19735550144", "+19735550144", "call the office",
				"call the office", "555-0100", "555-0100");
		Map<String, UUID> ids = new java.util.HashMap<>();
		typedToStored.keySet().forEach(typed -> ids.put(typed, stored(typed)));

		jdbc.sql(new ClassPathResource("db/migration/V20__phone_numbers_in_e164.sql")
			.getContentAsString(StandardCharsets.UTF_8)).update();

		typedToStored.forEach((typed, expected) -> assertThat(
				jdbc.sql("SELECT phone FROM patient WHERE id = ?").param(ids.get(typed)).query(String.class).single())
			.as(typed)
			.isEqualTo(expected));
		assertThat(patients.find(ids.get("call the office")).orElseThrow().details().phone())
			.as("booking again leaves a stored non-number out, so it is kept")
			.isNull();
	}

	private UUID stored(String phone) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO patient (id, email, birth_date, given_name, family_name, phone)
				VALUES (?, ?, ?, 'Old', 'Row', ?)""")
			.params(id, "old-" + id + "@example.org", LocalDate.of(1970, 1, 1), phone)
			.update();
		return id;
	}

}
