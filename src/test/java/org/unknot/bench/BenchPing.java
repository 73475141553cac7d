package org.unknot.bench;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest answer the same server can give, through the same filters, dispatcher and JSON writer:
 * the ceiling beside which the real endpoints are measured. {@code @TestComponent} keeps it out of the
 * component scan of the integration tests; the benchmark registers it itself.
 */
@TestComponent
@RestController
class BenchPing {

	private static final Pong PONG = new Pong(true);

	@GetMapping("/bench/ping")
	Pong ping() {
		return PONG;
	}

	record Pong(boolean ok) {
	}
}
