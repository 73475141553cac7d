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
 * here, and they are sent together just before the commit, as one multi-statement
 * request, so they cost one round trip to PostgreSQL instead of one each. They are still
 * written in the transaction, so they commit with it or not at all; a statement that
 * fails makes the commit fail and the whole transaction roll back.
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

	private static final class Waiting implements TransactionSynchronization {

		private final WritesAtCommit owner;

		private final List<Statement> statements = new ArrayList<>();

		private boolean committing;

		Waiting(WritesAtCommit owner) {
			this.owner = owner;
		}

		void send() {
			if (statements.isEmpty()) {
				return;
			}
			StringBuilder sql = new StringBuilder();
			List<Object> params = new ArrayList<>();
			for (Statement statement : statements) {
				sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
				params.addAll(Arrays.asList(statement.params()));
			}
			statements.clear();
			// pgjdbc sends the statements of one request together and waits once
			owner.jdbc.sql(sql.toString()).params(params).update();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			send();
			committing = true;
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
