package org.unknot.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction must write but nothing in it reads again (a booking's payer, price,
 * audit entry and messages, each owned by its module): each module hands its statement
 * here, and they are sent together with the commit, as one multi-statement request that
 * ends in {@code COMMIT} ({@link JdbcTransactions}), so they and the commit cost one
 * round trip to PostgreSQL instead of one each. They are still written in the
 * transaction, so they commit with it or not at all; a statement that fails makes the
 * commit fail and the whole transaction roll back. Under another transaction manager they
 * are sent just before the commit, in a round trip of their own.
 * <p>
 * Bound to the transaction as its connection is: a transaction started inside it
 * ({@code REQUIRES_NEW}) keeps its own, and a rollback drops them unsent. Outside a
 * transaction a statement is executed at once. A repository that defers writes here calls
 * {@link #flush()} before its other statements, so that the transaction reads, updates
 * and de-duplicates against its own writes as if they had been executed at once.
 */
@Component
public class WritesAtCommit {

	private final JdbcClient jdbc;

	public WritesAtCommit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Executes the statement just before the current transaction commits (at once, if
	 * there is none). It must return no rows.
	 */
	public void add(String sql, Object... params) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			jdbc.sql(sql).params(params).update();
			return;
		}
		Waiting waiting = waiting();
		if (waiting != null && waiting.committing) {
			// asked for by another step of the commit, after the flush
			jdbc.sql(sql).params(params).update();
			return;
		}
		if (waiting == null) {
			waiting = new Waiting(this);
			TransactionSynchronizationManager.bindResource(this, waiting);
			TransactionSynchronizationManager.registerSynchronization(waiting);
		}
		waiting.statements.add(new Statement(sql, params));
	}

	/**
	 * Sends what this transaction has deferred so far, in the order it was added; nothing
	 * to send costs nothing.
	 */
	public void flush() {
		Waiting waiting = waiting();
		if (waiting != null) {
			waiting.send();
		}
	}

	/** How many statements wait for the commit of the current transaction. */
	public int waitingCount() {
		Waiting waiting = waiting();
		return waiting == null ? 0 : waiting.statements.size();
	}

	private Waiting waiting() {
		return (Waiting) TransactionSynchronizationManager.getResource(this);
	}

	private record Statement(String sql, Object[] params) {
	}

	/** Deferred statements joined into one request. */
	record Batch(String sql, List<Object> params) {
	}

	/**
	 * Called by the transaction manager as the outermost transaction starts to commit:
	 * what waits now, or is added by the steps before the commit, will be sent with the
	 * commit.
	 */
	static void leaveToCommit() {
		waitingOfThisTransaction().forEach(waiting -> waiting.sentWithCommit = true);
	}

	/**
	 * What the transaction manager sends with the commit, in the order it was added; a
	 * statement added after this (by a step after the commit) runs at once. Null if
	 * nothing waits.
	 */
	static Batch takeForCommit() {
		StringBuilder sql = new StringBuilder();
		List<Object> params = new ArrayList<>();
		for (Waiting waiting : waitingOfThisTransaction()) {
			if (waiting.sentWithCommit) {
				waiting.committing = true;
				Batch batch = waiting.batch();
				if (batch != null) {
					sql.append(sql.isEmpty() ? "" : ";\n").append(batch.sql());
					params.addAll(batch.params());
				}
			}
		}
		return sql.isEmpty() ? null : new Batch(sql.toString(), params);
	}

	private static List<Waiting> waitingOfThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return List.of();
		}
		List<Waiting> waiting = new ArrayList<>(1);
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Waiting each) {
				waiting.add(each);
			}
		}
		return waiting;
	}

	private static final class Waiting implements TransactionSynchronization {

		private final WritesAtCommit owner;

		private final List<Statement> statements = new ArrayList<>();

		private boolean committing;

		/** Whether the commit itself sends what waits ({@link JdbcTransactions}). */
		private boolean sentWithCommit;

		Waiting(WritesAtCommit owner) {
			this.owner = owner;
		}

		void send() {
			Batch batch = batch();
			if (batch != null) {
				// pgjdbc sends the statements of one request together and waits once
				owner.jdbc.sql(batch.sql()).params(batch.params()).update();
			}
		}

		/**
		 * What waits, as one request, and nothing waits any more; null if nothing did.
		 */
		Batch batch() {
			if (statements.isEmpty()) {
				return null;
			}
			StringBuilder sql = new StringBuilder();
			List<Object> params = new ArrayList<>();
			for (Statement statement : statements) {
				sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
				params.addAll(Arrays.asList(statement.params()));
			}
			statements.clear();
			return new Batch(sql.toString(), params);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!sentWithCommit) {
				send();
				committing = true;
			}
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
			statements.clear();
			TransactionSynchronizationManager.unbindResourceIfPossible(owner);
		}

	}

}
