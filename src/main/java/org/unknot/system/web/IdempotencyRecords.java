package org.unknot.system.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** First answers to creating requests, by scope (method and path) and Idempotency-Key. */
@Repository
class IdempotencyRecords {

	private static final Duration KEPT_FOR = Duration.ofHours(24);

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the key for a new request; false if the key is already known. Commits at
	 * once.
	 */
	boolean claim(String scope, String key, byte[] requestHash) {
		return jdbc.sql("""
				INSERT INTO idempotency_record (scope, key, request_hash, state) VALUES (?, ?, ?, 'IN_PROGRESS')
				ON CONFLICT (scope, key) DO NOTHING""").params(scope, key, requestHash).update() == 1;
	}

	Optional<Stored> find(String scope, String key) {
		return jdbc.sql("SELECT * FROM idempotency_record WHERE scope = ? AND key = ?")
			.params(scope, key)
			.query((rs, n) -> new Stored(rs.getBytes("request_hash"), "COMPLETED".equals(rs.getString("state")),
					rs.getInt("response_status"), rs.getString("response_content_type"),
					rs.getString("response_location"), rs.getBytes("response_body")))
			.optional();
	}

	void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
		jdbc.sql("""
				UPDATE idempotency_record SET state = 'COMPLETED', response_status = ?, response_content_type = ?,
				    response_location = ?, response_body = ?
				WHERE scope = ? AND key = ?""").params(status, contentType, location, body, scope, key).update();
	}

	/**
	 * Forgets a key whose request failed on our side, so that the client may try again.
	 */
	void release(String scope, String key) {
		jdbc.sql("DELETE FROM idempotency_record WHERE scope = ? AND key = ?").params(scope, key).update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
			.param(Instant.now().minus(KEPT_FOR).atOffset(ZoneOffset.UTC))
			.update();
	}

	record Stored(byte[] requestHash, boolean completed, int status, String contentType, String location, byte[] body) {
	}

}
