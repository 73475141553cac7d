package org.unknot.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transactions, but a rollback on a connection the pool has already closed
 * is not attempted. The pool closes a connection when PostgreSQL drops it (a crash, a
 * restart, the network), and the server then aborts whatever that connection had not
 * committed: there is nothing left to undo. Attempting it anyway fails with a bare
 * "Connection is closed" that replaces the real failure (the commit's or the request's
 * "the database went away"), so a booking whose commit met an outage was answered 500
 * instead of 503.
 * <p>
 * A transaction's deferred writes ({@link WritesAtCommit}) go to PostgreSQL with its
 * commit: one request of those statements and {@code COMMIT}, a single round trip where
 * there were two. The server then reports the connection idle, so the driver's own commit
 * sends nothing. A deferred statement that fails stops the request before its
 * {@code COMMIT}: nothing is committed, and as for any failed commit the transaction is
 * rolled back and the failure is the commit's.
 */
class JdbcTransactions extends JdbcTransactionManager {

	JdbcTransactions(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareForCommit(DefaultTransactionStatus status) {
		super.prepareForCommit(status);
		if (status.isNewTransaction() && status.isNewSynchronization()) {
			WritesAtCommit.leaveToCommit();
		}
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		WritesAtCommit.Batch writes = WritesAtCommit.takeForCommit();
		if (writes != null) {
			Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder()
				.getConnection();
			try (PreparedStatement statement = connection.prepareStatement(writes.sql() + ";\nCOMMIT")) {
				new ArgumentPreparedStatementSetter(writes.params().toArray()).setValues(statement);
				statement.execute();
			}
			catch (SQLException ex) {
				// as a failed commit: Spring rolls back (doRollback) and rethrows
				throw translateException("JDBC commit", ex);
			}
		}
		super.doCommit(status);
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		if (status.getTransaction() instanceof JdbcTransactionObjectSupport transaction
				&& transaction.hasConnectionHolder() && closed(transaction.getConnectionHolder().getConnection())) {
			logger.debug("Not rolling back on a connection the pool has closed; the server has aborted it");
			return;
		}
		super.doRollback(status);
	}

	private static boolean closed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException e) {
			return false;
		}
	}

}
