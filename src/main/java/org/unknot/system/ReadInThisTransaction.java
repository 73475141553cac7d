package org.unknot.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction has read once, for its later look-ups of the same row: one booking
 * asks for its service, its payment policy or its patient's preference from several
 * modules, and each repeated read would be one more round trip to PostgreSQL. Bound to
 * the transaction as its connection is: a transaction started inside it
 * ({@code REQUIRES_NEW}) does not see them, and they are gone when it ends. Outside a
 * transaction nothing is kept. A repository that writes a row forgets it, so that the
 * transaction reads its own change.
 * <p>
 * What is reused is what the transaction read a moment ago; a change another transaction
 * commits meanwhile is seen by the next transaction, as if it had committed just after
 * this one.
 */
public final class ReadInThisTransaction<K, V> {

	/** Look-ups of rows that were read in the current transaction. */
	public V get(K key) {
		Bound<K, V> bound = bound();
		return bound == null ? null : bound.rows.get(key);
	}

	/**
	 * The row read earlier in this transaction, or read now (and kept, if found).
	 */
	public Optional<V> find(K key, Function<K, Optional<V>> read) {
		V known = get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<V> found = read.apply(key);
		found.ifPresent(row -> remember(key, row));
		return found;
	}

	public void remember(K key, V row) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		Bound<K, V> bound = bound();
		if (bound == null) {
			bound = new Bound<>(this);
			TransactionSynchronizationManager.bindResource(this, bound);
			TransactionSynchronizationManager.registerSynchronization(bound);
		}
		bound.rows.put(key, row);
	}

	/**
	 * After a change, the next look-up reads it (a savepoint might yet undo the change).
	 */
	public void forget(K key) {
		Bound<K, V> bound = bound();
		if (bound != null) {
			bound.rows.remove(key);
		}
	}

	/** Whether this transaction has kept nothing here. */
	public boolean none() {
		Bound<K, V> bound = bound();
		return bound == null || bound.rows.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private Bound<K, V> bound() {
		return (Bound<K, V>) TransactionSynchronizationManager.getResource(this);
	}

	private static final class Bound<K, V> implements TransactionSynchronization {

		private final Object owner;

		private final Map<K, V> rows = new HashMap<>();

		Bound(Object owner) {
			this.owner = owner;
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(owner);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(owner, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(owner);
		}

	}

}
