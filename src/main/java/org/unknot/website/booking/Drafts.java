package org.unknot.website.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.ObjectMapper;

/**
 * Booking drafts, each under 192 random bits: knowing the address is what lets one continue it.
 * Drafts untouched for two days are deleted.
 */
@Repository
class Drafts {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{32}");
	private static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final Clock clock;

	Drafts(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	String create(Draft draft) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("INSERT INTO booking_draft (id, data) VALUES (?, ?::jsonb)").params(id, json.writeValueAsString(draft)).update();
		return id;
	}

	/** The draft, or a 404 page when the address names none (mistyped, tampered with or expired). */
	Draft get(String id) {
		return find(id).orElseThrow(DraftNotFound::new);
	}

	Optional<Draft> find(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT data::text FROM booking_draft WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(data -> json.readValue(data, Draft.class));
	}

	void save(String id, Draft draft) {
		jdbc.sql("UPDATE booking_draft SET data = ?::jsonb, updated_at = now() WHERE id = ?")
			.params(json.writeValueAsString(draft), id)
			.update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void sweep() {
		jdbc.sql("DELETE FROM booking_draft WHERE updated_at < ?")
			.param(clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC))
			.update();
	}
}
