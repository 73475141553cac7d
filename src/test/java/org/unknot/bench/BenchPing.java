package org.unknot.bench;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest answers the same server can give, through the same filters, dispatcher and
 * JSON reader and writer: the ceilings beside which the real endpoints are measured.
 * {@code @TestComponent} keeps it out of the component scan of the integration tests; the
 * benchmark registers it itself.
 */
@TestComponent
@RestController
class BenchPing {

	private static final Pong PONG = new Pong(true);

	private final JdbcClient jdbc;

	BenchPing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/bench/ping")
	Pong ping() {
		return PONG;
	}

	/**
	 * The least a booking through the API could cost: the same request body read into an
	 * object, and the plain single-row insert of the ceiling ({@link InsertCeiling}'s
	 * table) as its only statement.
	 */
	@PostMapping("/api/bench/insert")
	@ResponseStatus(HttpStatus.CREATED)
	Inserted insert(@RequestBody Slot slot) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO bench_scratch (id, practitioner_id, start_at) VALUES (?, ?, ?)")
			.params(id, slot.practitioner(), slot.start())
			.update();
		return new Inserted(id);
	}

	record Pong(boolean ok) {
	}

	record Slot(String practitioner, OffsetDateTime start) {
	}

	record Inserted(UUID id) {
	}

}
