package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * Writes deferred to the commit are part of their transaction: sent together with its
 * commit, dropped if it rolls back, and a failing one rolls the whole of it back.
 */
@UnknotIntegrationTest
class WritesAtCommitTests {

	@Autowired
	WritesAtCommit atCommit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	AsTableOwner owner;

	String table;

	@BeforeEach
	void aTableToWriteTo() {
		table = "writes_at_commit_probe_" + TestNetwork.shortId().replace('-', '_');
		owner = AsTableOwner.of(logins);
		owner.jdbc()
			.sql("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, note text NOT NULL CHECK (note <> 'refused'))")
			.update();
	}

	@AfterEach
	void dropIt() {
		owner.jdbc().sql("DROP TABLE " + table).update();
	}

	@Nested
	class InATransaction {

		@Test
		void sendsNothingBeforeTheCommitAndEverythingInOrderWithIt() {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				defer("first");
				defer("second");

				assertThat(atCommit.waitingCount()).isEqualTo(2);
				assertThat(notes()).isEmpty();
			});

			assertThat(notes()).containsExactly("first", "second");
		}

		@Test
		void sendsThemAndTheCommitAsOneRequest() {
			Watched watched = new Watched(dataSource);
			WritesAtCommit writes = new WritesAtCommit(JdbcClient.create(watched));

			new TransactionTemplate(new JdbcTransactions(watched)).executeWithoutResult(status -> {
				writes.add("INSERT INTO " + table + " (note) VALUES (?)", "first");
				writes.add("INSERT INTO " + table + " (note) VALUES (?)", "second");
			});

			String insert = "INSERT INTO " + table + " (note) VALUES (?)";
			assertThat(watched.requests).containsExactly(insert + ";\n" + insert + ";\nCOMMIT");
			assertThat(watched.idleWhenCommitted).as("the driver had no COMMIT of its own to send")
				.containsExactly(true);
			assertThat(notes()).containsExactly("first", "second");
		}

		@Test
		void sendsThemJustBeforeTheCommitUnderAnotherTransactionManager() {
			Watched watched = new Watched(dataSource);
			WritesAtCommit writes = new WritesAtCommit(JdbcClient.create(watched));

			new TransactionTemplate(new JdbcTransactionManager(watched)).executeWithoutResult(status -> {
				writes.add("INSERT INTO " + table + " (note) VALUES (?)", "first");
				assertThat(notes()).isEmpty();
			});

			assertThat(watched.idleWhenCommitted).containsExactly(false);
			assertThat(notes()).containsExactly("first");
		}

		@Test
		void sendsNothingWhenTheTransactionRollsBack() {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				write("at once");
				defer("at the commit");
				status.setRollbackOnly();
			});

			assertThat(notes()).isEmpty();
		}

		@Test
		void rollsTheWholeTransactionBackWhenADeferredWriteFails() {
			TransactionTemplate transaction = new TransactionTemplate(transactions);

			assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
				write("at once");
				defer("before the refusal");
				defer("refused");
			})).isInstanceOf(DataIntegrityViolationException.class);

			assertThat(notes()).isEmpty();
		}

		@Test
		void sendsThemWhenAskedSoThatTheTransactionReadsItsOwnWrites() {
			List<String> seen = new TransactionTemplate(transactions).execute(status -> {
				defer("deferred");
				atCommit.flush();
				return notes();
			});

			assertThat(seen).containsExactly("deferred");
			assertThat(notes()).containsExactly("deferred");
		}

		@Test
		void keepsItsOwnApartFromATransactionStartedInsideIt() {
			TransactionTemplate inner = new TransactionTemplate(transactions);
			inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				defer("outer");
				inner.executeWithoutResult(innerStatus -> {
					assertThat(atCommit.waitingCount()).isZero();
					defer("inner");
				});
				assertThat(atCommit.waitingCount()).isEqualTo(1);
				status.setRollbackOnly();
			});

			assertThat(notes()).containsExactly("inner");
		}

	}

	@Nested
	class OutsideATransaction {

		@Test
		void writesAtOnce() {
			defer("alone");

			assertThat(atCommit.waitingCount()).isZero();
			assertThat(notes()).containsExactly("alone");
		}

	}

	private void defer(String note) {
		atCommit.add("INSERT INTO " + table + " (note) VALUES (?)", note);
	}

	private void write(String note) {
		jdbc.sql("INSERT INTO " + table + " (note) VALUES (?)").param(note).update();
	}

	private List<String> notes() {
		return jdbc.sql("SELECT note FROM " + table + " ORDER BY id").query(String.class).list();
	}

	/**
	 * The pool as a transaction sees it, noting every request prepared on its connections
	 * and whether the server reported the transaction over when the commit was called.
	 */
	static final class Watched extends DelegatingDataSource {

		final List<String> requests = new ArrayList<>();

		final List<Boolean> idleWhenCommitted = new ArrayList<>();

		Watched(DataSource pool) {
			super(pool);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("prepareStatement")) {
							requests.add((String) args[0]);
						}
						if (method.getName().equals("commit")) {
							idleWhenCommitted.add(connection.unwrap(BaseConnection.class)
								.getTransactionState() == TransactionState.IDLE);
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}

	}

}
