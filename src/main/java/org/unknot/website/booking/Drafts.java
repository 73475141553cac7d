package org.unknot.website.booking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;

import tools.jackson.databind.ObjectMapper;

/**
 * Booking drafts, each under 192 random bits: knowing the address is what lets one
 * continue it. Sealed at rest (they hold contact details and intake answers); untouched
 * for two days, deleted.
 */
@Repository
class Drafts {

	static final SealedColumn DATA = new SealedColumn("booking_draft", "id", "data");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{32}");

	private static final Duration KEPT = Duration.ofDays(2);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final FieldCipher cipher;

	Drafts(JdbcClient jdbc, ObjectMapper json, Clock clock, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.cipher = cipher;
	}

	String create(Draft draft) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("INSERT INTO booking_draft (id, data) VALUES (?, ?)").params(id, sealed(id, draft)).update();
		return id;
	}

	/**
	 * The draft, or a 404 page when the address names none (mistyped, tampered with or
	 * expired).
	 */
	Draft get(String id) {
		return find(id).orElseThrow(DraftNotFound::new);
	}

	Optional<Draft> find(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT data FROM booking_draft WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(data -> json.readValue(cipher.open(data, DATA.context(id)), Draft.class));
	}

	void save(String id, Draft draft) {
		jdbc.sql("UPDATE booking_draft SET data = ?, updated_at = now() WHERE id = ?")
			.params(sealed(id, draft), id)
			.update();
	}

	private String sealed(String id, Draft draft) {
		return cipher.seal(json.writeValueAsString(draft), DATA.context(id));
	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn bookingDraftData() {
			return DATA;
		}

	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void sweep() {
		jdbc.sql("DELETE FROM booking_draft WHERE updated_at < ?")
			.param(clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC))
			.update();
	}

}
