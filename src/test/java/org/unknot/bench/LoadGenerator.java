package org.unknot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: a fixed number of threads, each sending its next call as soon as the
 * previous one is answered, until a number of calls has been sent or a time has passed,
 * whichever comes first.
 */
final class LoadGenerator {

	static final String THREAD_NAME = "bench-load-";

	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
		.getThreadMXBean();

	/**
	 * One call, numbered from 0 in the round; answers an HTTP status, or -1 when it
	 * failed.
	 */
	@FunctionalInterface
	interface Call {

		int send(int number) throws Exception;

	}

	private LoadGenerator() {
	}

	static Round run(int concurrency, int maxCalls, Duration maxTime, Call call) {
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency,
				task -> new Thread(task, THREAD_NAME + threads.incrementAndGet()));
		try {
			AtomicInteger next = new AtomicInteger();
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Worker>> workers = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				workers.add(pool.submit(() -> {
					var worker = new Worker();
					start.await();
					long cpuBefore = CPU.getCurrentThreadCpuTime();
					long deadline = System.nanoTime() + maxTime.toNanos();
					for (int n = next.getAndIncrement(); n < maxCalls
							&& System.nanoTime() < deadline; n = next.getAndIncrement()) {
						worker.record(n, call);
					}
					worker.cpuNanos = CPU.getCurrentThreadCpuTime() - cpuBefore;
					return worker;
				}));
			}
			long began = System.nanoTime();
			start.countDown();
			List<Worker> finished = new ArrayList<>();
			for (Future<Worker> worker : workers) {
				finished.add(worker.get());
			}
			return Round.of(finished, Duration.ofNanos(System.nanoTime() - began));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating load", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("A load thread failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** What one thread saw. */
	static final class Worker {

		long[] latencies = new long[1024];

		int count;

		final Map<Integer, Integer> statuses = new HashMap<>();

		String firstFailure;

		/**
		 * CPU time this thread spent sending calls and reading answers (or running the
		 * plain INSERTs).
		 */
		long cpuNanos;

		private void record(int number, Call call) {
			long sent = System.nanoTime();
			int status;
			try {
				status = call.send(number);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for an answer", e);
			}
			catch (Exception e) {
				status = -1;
				if (firstFailure == null) {
					firstFailure = e.toString();
				}
			}
			if (count == latencies.length) {
				latencies = Arrays.copyOf(latencies, count * 2);
			}
			latencies[count++] = System.nanoTime() - sent;
			statuses.merge(status, 1, Integer::sum);
		}

	}

}
