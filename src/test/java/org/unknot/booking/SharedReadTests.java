package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Callers share a read only if it started after they asked: a read under way when they
 * arrive never answers them.
 */
class SharedReadTests {

	final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@Nested
	class AloneOneAfterTheOther {

		@Test
		void readsAgainForEveryCall() {
			AtomicInteger reads = new AtomicInteger();
			SharedRead<Integer> shared = new SharedRead<>(reads::incrementAndGet);

			assertThat(shared.get()).isEqualTo(1);
			assertThat(shared.get()).isEqualTo(2);
			assertThat(shared.get()).isEqualTo(3);
		}

	}

	@Nested
	class WhileAReadIsUnderWay {

		@Test
		void answersThoseWhoArriveMeanwhileWithTheNextReadOnly() throws Exception {
			Gate gate = new Gate();
			SharedRead<Integer> shared = new SharedRead<>(gate::read);
			Future<Integer> first = callers.submit(shared::get);
			gate.awaitReads(1);

			Future<Integer> second = callers.submit(shared::get);
			Future<Integer> third = callers.submit(shared::get);
			awaitWaiting(2);
			gate.open();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(second.get(10, TimeUnit.SECONDS)).as("the read under way started before it asked").isEqualTo(2);
			assertThat(third.get(10, TimeUnit.SECONDS)).as("shares the read that started after both asked")
				.isEqualTo(2);
			assertThat(gate.reads()).isEqualTo(2);
		}

		@Test
		void passesAFailedReadOnToEveryoneSharingItAndReadsAfreshAfterwards() throws Exception {
			AtomicInteger reads = new AtomicInteger();
			CountDownLatch firstStarted = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			SharedRead<Integer> shared = new SharedRead<>(() -> {
				int read = reads.incrementAndGet();
				if (read == 1) {
					firstStarted.countDown();
					await(release);
				}
				if (read == 2) {
					throw new DataAccessResourceFailureException("connection lost");
				}
				return read;
			});
			Future<Integer> first = callers.submit(shared::get);
			firstStarted.await(10, TimeUnit.SECONDS);
			Future<Integer> second = callers.submit(shared::get);
			Future<Integer> third = callers.submit(shared::get);
			awaitWaiting(2);
			release.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(DataAccessResourceFailureException.class);
			assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(DataAccessResourceFailureException.class);
			assertThat(shared.get()).isEqualTo(3);
		}

	}

	/** Waits until this many callers are parked, waiting for a read. */
	private void awaitWaiting(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (waiting() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(waiting()).isGreaterThanOrEqualTo(count);
	}

	private static long waiting() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().getState() == Thread.State.WAITING)
			.filter(entry -> calls(entry.getValue()))
			.count();
	}

	/** Whether the thread is inside {@link SharedRead#get()}, not in the read itself. */
	private static boolean calls(StackTraceElement[] stack) {
		boolean inGet = false;
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().equals(Gate.class.getName()) || frame.getMethodName().startsWith("lambda$")
					&& frame.getClassName().equals(SharedReadTests.WhileAReadIsUnderWay.class.getName())) {
				return false;
			}
			inGet |= frame.getClassName().equals(SharedRead.class.getName()) && frame.getMethodName().equals("get");
		}
		return inGet;
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	/** A read that holds its first call until opened, and counts the reads. */
	private static final class Gate {

		private final AtomicInteger reads = new AtomicInteger();

		private final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch open = new CountDownLatch(1);

		int read() {
			int read = reads.incrementAndGet();
			if (read == 1) {
				started.countDown();
				await(open);
			}
			return read;
		}

		void awaitReads(int count) throws InterruptedException {
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(reads.get()).isEqualTo(count);
		}

		void open() {
			open.countDown();
		}

		int reads() {
			return reads.get();
		}

	}

}
