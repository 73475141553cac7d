package org.unknot.calendar;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.SecretToken;

/**
 * Practitioners' private calendar feeds. The secret token is shown once, when the feed is
 * made; only its SHA-256 is kept, so a copy of the database does not open anyone's feed.
 * Revoking ends every feed of the practitioner at once; a new one can be made at any
 * time.
 */
@Repository
public class PractitionerFeeds {

	private final JdbcClient jdbc;

	PractitionerFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new feed; the answer is its secret token, which cannot be recovered later. */
	public String create(PractitionerId practitionerId) {
		SecretToken token = SecretToken.generate();
		jdbc.sql("INSERT INTO calendar_feed (id, practitioner_id, token_hash) VALUES (?, ?, ?)")
			.params(UUID.randomUUID(), practitionerId.value(), token.hash())
			.update();
		return token.value();
	}

	/** Ends every live feed of the practitioner; answers how many. */
	public int revokeAll(PractitionerId practitionerId) {
		return jdbc.sql("UPDATE calendar_feed SET revoked_at = now() WHERE practitioner_id = ? AND revoked_at IS NULL")
			.param(practitionerId.value())
			.update();
	}

	/** The practitioner whose live feed this token opens. */
	public Optional<PractitionerId> practitionerOf(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT practitioner_id FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL")
			.param(SecretToken.hash(token))
			.query(String.class)
			.optional()
			.map(PractitionerId::of);
	}

}
