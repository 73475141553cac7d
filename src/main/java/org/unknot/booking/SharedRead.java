package org.unknot.booking;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A read that callers arriving together share, without anyone getting an answer older
 * than their own arrival: each caller gets the result of a read that <em>started</em>
 * after it arrived. At most one read runs at a time; whoever arrives while one runs waits
 * for the next, and everyone else arriving before that next one starts is answered by it.
 * Under load, one round trip then serves several requests instead of one each.
 */
final class SharedRead<T> {

	private final Supplier<T> read;

	/** The next read, not started yet: joined by whoever arrives now. */
	private CompletableFuture<T> next;

	/** The read under way, or the last one, done. */
	private CompletableFuture<T> running = CompletableFuture.completedFuture(null);

	SharedRead(Supplier<T> read) {
		this.read = read;
	}

	/** The result of a read that started after this call. */
	T get() {
		CompletableFuture<T> mine;
		CompletableFuture<T> before = null;
		synchronized (this) {
			mine = next;
			if (mine == null) {
				mine = new CompletableFuture<>();
				next = mine;
				before = running;
			}
		}
		if (before != null) {
			lead(mine, before);
		}
		return result(mine);
	}

	/**
	 * Starts the next read once the one under way is done: from the moment it is no
	 * longer {@code next}, nobody joins it.
	 */
	private void lead(CompletableFuture<T> mine, CompletableFuture<T> before) {
		try {
			before.handle((result, failure) -> null).join();
		}
		finally {
			synchronized (this) {
				running = mine;
				next = null;
			}
		}
		try {
			mine.complete(read.get());
		}
		catch (RuntimeException | Error failure) {
			mine.completeExceptionally(failure);
		}
	}

	private static <T> T result(CompletableFuture<T> read) {
		try {
			return read.join();
		}
		catch (CompletionException failure) {
			if (failure.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (failure.getCause() instanceof Error cause) {
				throw cause;
			}
			throw failure;
		}
	}

}
