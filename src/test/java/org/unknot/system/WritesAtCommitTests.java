package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * Writes deferred to the commit are part of their transaction: sent together just before
 * it commits, dropped if it rolls back, and a failing one rolls the whole of it back.
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

}
