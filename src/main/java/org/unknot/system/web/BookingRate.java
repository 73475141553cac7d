package org.unknot.system.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * How fast one client (its address, as the trusted proxies report it) may hold and book:
 * at most {@code unknot.api.bookings-per-minute} a minute, with bursts up to that many (a
 * token bucket per address, refilled evenly). The API's holds, bookings and series and
 * the website's time step draw on the same allowance, so a client gets no more by
 * switching from one to the other. Counted per node: behind N nodes a client gets up to N
 * times as many, which still cannot take a calendar because live holds are also capped
 * per client in the database ({@code unknot.booking.holds-per-client}).
 */
@Component
public class BookingRate {

	/** Addresses remembered at most; the least recently seen are forgotten first. */
	private static final int CLIENTS = 50_000;

	private final ApiLimits limits;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > CLIENTS;
		}
	});

	BookingRate(ApiLimits limits) {
		this.limits = limits;
	}

	/**
	 * Takes one hold or booking from the client's allowance; answers how long it must
	 * wait (whole seconds, at least one) when none is left.
	 */
	public Optional<Duration> refusal(String client) {
		ConsumptionProbe probe = buckets.computeIfAbsent(client, address -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return Optional.of(Duration.ofSeconds(seconds));
	}

	private Bucket newBucket() {
		int perMinute = limits.bookingsPerMinute();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

}
