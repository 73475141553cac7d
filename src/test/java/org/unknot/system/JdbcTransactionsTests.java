package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a caller is told when PostgreSQL goes away at the commit: the commit's own
 * failure, which says the database is out of reach, and not the "Connection is closed" of
 * a rollback the pool could no longer run.
 */
class JdbcTransactionsTests {

	@Test
	void aCommitThatMeetsAnOutageReportsTheOutageNotTheRollbacksFailure() {
		FakeConnection connection = new FakeConnection(true);

		assertThatThrownBy(() -> new TransactionTemplate(new JdbcTransactions(connection.dataSource()))
			.executeWithoutResult(status -> {
			})).isInstanceOf(DataAccessResourceFailureException.class).hasMessageContaining("terminating connection");
		assertThat(connection.calls).contains("commit").doesNotContain("rollback");
	}

	@Test
	void aTransactionOnALiveConnectionIsStillRolledBack() {
		FakeConnection connection = new FakeConnection(false);

		new TransactionTemplate(new JdbcTransactions(connection.dataSource()))
			.executeWithoutResult(status -> status.setRollbackOnly());

		assertThat(connection.calls).contains("rollback").doesNotContain("commit");
	}

	/**
	 * A connection as the pool hands it out; with {@code dropsAtCommit}, PostgreSQL dies
	 * during the commit and the pool closes the connection, as Hikari does on SQL state
	 * 57P01.
	 */
	private static final class FakeConnection {

		final List<String> calls = new ArrayList<>();

		private final boolean dropsAtCommit;

		private boolean closed;

		FakeConnection(boolean dropsAtCommit) {
			this.dropsAtCommit = dropsAtCommit;
		}

		DataSource dataSource() {
			Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						calls.add(method.getName());
						return switch (method.getName()) {
							case "commit" -> {
								if (dropsAtCommit) {
									closed = true;
									throw new SQLException(
											"FATAL: terminating connection due to unexpected postmaster exit", "57P01");
								}
								yield null;
							}
							case "rollback" -> {
								if (closed) {
									throw new SQLException("Connection is closed");
								}
								yield null;
							}
							case "isClosed" -> closed;
							case "getAutoCommit" -> true;
							case "isReadOnly" -> false;
							case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
							case "hashCode" -> System.identityHashCode(proxy);
							case "equals" -> proxy == args[0];
							default -> null;
						};
					});
			return new DataSource() {

				@Override
				public Connection getConnection() {
					return connection;
				}

				@Override
				public Connection getConnection(String username, String password) {
					return connection;
				}

				@Override
				public PrintWriter getLogWriter() {
					return null;
				}

				@Override
				public void setLogWriter(PrintWriter out) {
				}

				@Override
				public void setLoginTimeout(int seconds) {
				}

				@Override
				public int getLoginTimeout() {
					return 0;
				}

				@Override
				public Logger getParentLogger() {
					return Logger.getGlobal();
				}

				@Override
				public <T> T unwrap(Class<T> type) {
					return null;
				}

				@Override
				public boolean isWrapperFor(Class<?> type) {
					return false;
				}
			};
		}

	}

}
