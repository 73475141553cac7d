package org.unknot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.audit.AuditEvent.Outcome;
import org.unknot.system.DatabaseLogins;

@UnknotIntegrationTest
class AuditLogTests {

	@Autowired
	AuditLog log;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DatabaseLogins logins;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ChainKey key;

	/** The owner of the tables: what someone holding the database can do. */
	JdbcClient owner;

	TransactionTemplate ownerTransactions;

	@BeforeEach
	void connectAsTheOwner() {
		AsTableOwner tableOwner = AsTableOwner.of(logins);
		owner = tableOwner.jdbc();
		ownerTransactions = tableOwner.transactions();
	}

	@Test
	void sealsEachEntryIntoTheChainAfterTheOneBefore() {
		UUID patient = UUID.randomUUID();

		AuditEntry first = log.record(read("staff:frontdesk-1", patient));
		AuditEntry second = log.record(read("staff:dr-okafor", patient));
		sealAll();

		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(position(second)).isEqualTo(position(first) + 1);
		assertThat(previousMac(second)).isEqualTo(mac(first));
		AuditLog.ChainVerdict verdict = log.verify();
		assertThat(verdict.intact()).isTrue();
		assertThat(verdict.waiting()).isZero();
		assertThat(verdict.entries()).isEqualTo(count());
	}

	@Test
	void isIntactWhileEntriesStillWaitToBeSealed() {
		sealAll();
		log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		AuditLog.ChainVerdict verdict = log.verify();

		assertThat(verdict.intact()).isTrue();
		assertThat(verdict.waiting()).isBetween(0L, 1L);
	}

	@Test
	void sealsEntriesWrittenTogetherInTheirOrderBetweenSingleOnes() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		AuditEntry before = log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		log.recordAll(List.of(read("staff:frontdesk-2", first), read("staff:frontdesk-2", second)));
		AuditEntry after = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		sealAll();

		AuditEntry firstShown = log.readsOf(first).get(0);
		AuditEntry secondShown = log.readsOf(second).get(0);
		assertThat(position(firstShown)).isEqualTo(position(before) + 1);
		assertThat(position(secondShown)).isEqualTo(position(before) + 2);
		assertThat(position(after)).isEqualTo(position(before) + 3);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void showsWhoReadAPatientNewestFirst() {
		UUID patient = UUID.randomUUID();
		log.record(read("staff:frontdesk-1", patient));
		log.record(new AuditEvent("staff:dr-okafor", "PRACTITIONER", patient, "UPDATE", "notes", null, "10.0.0.7",
				Outcome.SUCCESS));
		log.record(read("staff:dr-okafor", patient));
		log.record(read("staff:someone-else", UUID.randomUUID()));

		assertThat(log.readsOf(patient)).extracting(entry -> entry.event().actor())
			.containsExactly("staff:dr-okafor", "staff:frontdesk-1");
		assertThat(log.entriesOf(patient)).hasSize(3);
	}

	@Test
	void refusesEvenItsOwnerToChangeOrRemoveAnEntryOrALinkWithoutFirstDroppingTheGuards() {
		AuditEntry entry = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		sealAll();

		for (String sql : List.of("UPDATE audit_entry SET actor = 'nobody' WHERE id = " + entry.id(),
				"DELETE FROM audit_entry WHERE id = " + entry.id(), "TRUNCATE audit_entry CASCADE",
				"UPDATE audit_link SET mac = previous_mac WHERE entry_id = " + entry.id(),
				"DELETE FROM audit_link WHERE entry_id = " + entry.id(), "TRUNCATE audit_link")) {
			assertThatThrownBy(() -> owner.sql(sql).update()).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("append-only");
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void dropsAnEntryWithTheWorkItBelongedToWithoutBreakingTheChain() {
		long before = count();

		try {
			transactions.executeWithoutResult(status -> {
				log.record(read("staff:frontdesk-1", UUID.randomUUID()));
				status.setRollbackOnly();
			});
		}
		finally {
			log.record(read("staff:frontdesk-2", UUID.randomUUID()));
		}
		sealAll();

		assertThat(count()).isEqualTo(before + 1);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void keepsARefusedAccessEvenWhenTheCallersWorkRollsBack() {
		UUID patient = UUID.randomUUID();

		transactions.executeWithoutResult(status -> {
			log.recordRegardless(new AuditEvent("staff:curious", "FRONT_DESK", patient, "READ", "intake", null,
					"10.0.0.9", Outcome.DENIED));
			status.setRollbackOnly();
		});

		assertThat(log.entriesOf(patient)).singleElement()
			.satisfies(entry -> assertThat(entry.event().outcome()).isEqualTo(Outcome.DENIED));
	}

	@Nested
	class WhenManyWrite {

		@Test
		void writersDoNotWaitForAnotherWritersTransactionToEnd() throws Exception {
			CountDownLatch written = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			ExecutorService pool = Executors.newSingleThreadExecutor();
			try {
				Future<AuditEntry> slow = pool.submit(() -> transactions.execute(status -> {
					AuditEntry entry = log.record(read("staff:slow-writer", UUID.randomUUID()));
					written.countDown();
					await(release);
					return entry;
				}));
				assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

				long start = System.nanoTime();
				AuditEntry quick = log.record(read("staff:quick-writer", UUID.randomUUID()));
				long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				sealAll();
				assertThat(tookMillis).as("a second writer waited for the first one's commit").isLessThan(5_000);
				assertThat(position(quick)).as("committed first, sealed first").isPositive();

				release.countDown();
				AuditEntry late = slow.get(30, TimeUnit.SECONDS);
				sealAll();
				assertThat(late.id()).isLessThan(quick.id());
				assertThat(position(late)).as("committed late, sealed at the end").isGreaterThan(position(quick));
				assertThat(log.verify().intact()).isTrue();
			}
			finally {
				release.countDown();
				pool.shutdown();
			}
		}

		@Test
		void staysOneUnbrokenChainWithConcurrentWritersAndSealers() throws Exception {
			long before = count();
			ExecutorService pool = Executors.newFixedThreadPool(10);
			try {
				List<Callable<Void>> workers = new ArrayList<>();
				for (int w = 0; w < 8; w++) {
					String actor = "staff:writer-" + w;
					workers.add(() -> {
						for (int i = 0; i < 25; i++) {
							log.record(read(actor, UUID.randomUUID()));
						}
						return null;
					});
				}
				for (int s = 0; s < 2; s++) {
					workers.add(() -> {
						for (int i = 0; i < 40; i++) {
							chainer.sealNext();
						}
						return null;
					});
				}
				for (Future<Void> done : pool.invokeAll(workers)) {
					done.get();
				}
			}
			finally {
				pool.shutdown();
			}
			sealAll();

			assertThat(count()).isEqualTo(before + 200);
			AuditLog.ChainVerdict verdict = log.verify();
			assertThat(verdict.intact()).isTrue();
			assertThat(verdict.entries()).isEqualTo(count());
			assertThat(verdict.waiting()).isZero();
		}

		@Test
		void sealsOnOneNodeAtATime() throws Exception {
			log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			CountDownLatch holding = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			ExecutorService pool = Executors.newSingleThreadExecutor();
			try {
				Future<Integer> other = pool.submit(() -> transactions.execute(status -> {
					int sealed = chainer.sealNext();
					holding.countDown();
					await(release);
					return sealed;
				}));
				assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
				log.record(read("staff:frontdesk-1", UUID.randomUUID()));

				assertThat(chainer.sealNext()).as("another node holds the chain").isZero();

				release.countDown();
				other.get(30, TimeUnit.SECONDS);
				sealAll();
				assertThat(log.verify().waiting()).isZero();
			}
			finally {
				release.countDown();
				pool.shutdown();
			}
		}

		/**
		 * The scheduled run is called on the bean itself, not through a proxy: it must
		 * keep the chain for the whole batch on its own, or two nodes could read the same
		 * end of the chain and claim one position.
		 */
		@Test
		void theScheduledRunKeepsTheChainUntilItsBatchIsWritten() throws Exception {
			log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			List<Boolean> takenByAnotherNode = new ArrayList<>();
			JdbcTemplate linksWriter = new JdbcTemplate(dataSource) {
				@Override
				public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
					takenByAnotherNode.add(anotherNodeTakesTheChain());
					return super.batchUpdate(sql, batchArgs);
				}
			};
			var scheduled = new AuditChainer(jdbc, linksWriter, key, transactionManager);

			scheduled.sealWaiting();

			assertThat(takenByAnotherNode).as("another node could take the chain while a batch was written")
				.isNotEmpty()
				.containsOnly(false);
			assertThat(log.verify().intact()).isTrue();
		}

		/** Tries the chainer's lock from a connection of its own, and gives it back. */
		private boolean anotherNodeTakesTheChain() {
			try (Connection other = dataSource.getConnection();
					var query = other.createStatement();
					var taken = query.executeQuery("SELECT pg_try_advisory_lock(" + AuditChainer.CHAINER_LOCK + ")")) {
				taken.next();
				boolean mine = taken.getBoolean(1);
				if (mine) {
					query.execute("SELECT pg_advisory_unlock(" + AuditChainer.CHAINER_LOCK + ")");
				}
				return mine;
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	@Nested
	class WhenSomeoneWithTheDatabaseTampers {

		@Test
		void namesAnEntryRewrittenAndResealedWithPlainSha256() {
			log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			AuditEntry altered = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			sealAll();
			List<Object[]> original = jdbc.sql("SELECT position, previous_mac, mac FROM audit_link WHERE position >= ?")
				.param(position(altered))
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2), rs.getBytes(3) })
				.list();

			// what the unkeyed chain let anyone with the database do: change an entry,
			// then
			// re-hash its link and every link after it
			tamper(() -> {
				owner.sql("UPDATE audit_entry SET actor = 'staff:someone-innocent' WHERE id = ?")
					.param(altered.id())
					.update();
				rehashFrom(position(altered));
			});
			try {
				AuditLog.ChainVerdict verdict = log.verify();

				assertThat(verdict.intact()).isFalse();
				assertThat(verdict.firstBroken()).isEqualTo(altered.id());
				assertThat(verdict.why()).contains("does not match its seal");
				assertThat(runVerifyCommand()).contains("BROKEN at entry " + altered.id());
			}
			finally {
				tamper(() -> {
					owner.sql("UPDATE audit_entry SET actor = 'staff:frontdesk-1' WHERE id = ?")
						.param(altered.id())
						.update();
					for (Object[] link : original) {
						owner.sql("UPDATE audit_link SET previous_mac = ?, mac = ? WHERE position = ?")
							.params(link[1], link[2], link[0])
							.update();
					}
				});
			}
			assertThat(log.verify().intact()).isTrue();
			assertThat(runVerifyCommand()).contains("intact");
		}

		@Test
		void namesTheFirstEntryWhoseContentWasAlteredBehindItsBack() {
			AuditEntry kept = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			AuditEntry altered = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			sealAll();

			tamper(() -> owner.sql("UPDATE audit_entry SET actor = 'staff:someone-innocent' WHERE id = ?")
				.param(altered.id())
				.update());
			try {
				AuditLog.ChainVerdict verdict = log.verify();

				assertThat(verdict.intact()).isFalse();
				assertThat(verdict.firstBroken()).isEqualTo(altered.id()).isNotEqualTo(kept.id());
				assertThat(verdict.why()).contains("content");
			}
			finally {
				tamper(() -> owner.sql("UPDATE audit_entry SET actor = 'staff:frontdesk-1' WHERE id = ?")
					.param(altered.id())
					.update());
			}
			assertThat(log.verify().intact()).isTrue();
		}

		@Test
		void namesTheEntryAfterOneThatWasRemovedWithItsLink() {
			AuditEntry removed = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			AuditEntry next = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
			sealAll();
			Object[] link = jdbc.sql("SELECT position, key_id, previous_mac, mac FROM audit_link WHERE entry_id = ?")
				.param(removed.id())
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4) })
				.single();

			tamper(() -> {
				owner.sql("DELETE FROM audit_link WHERE entry_id = ?").param(removed.id()).update();
				owner.sql("DELETE FROM audit_entry WHERE id = ?").param(removed.id()).update();
			});
			try {
				AuditLog.ChainVerdict verdict = log.verify();

				assertThat(verdict.firstBroken()).isEqualTo(next.id());
				assertThat(verdict.why()).contains("missing");
			}
			finally {
				transactions.executeWithoutResult(status -> {
					jdbc.sql(
							"""
									INSERT INTO audit_entry (id, at, actor, actor_role, patient_id, action, subject, source_address,
									    outcome)
									VALUES (?, ?, ?, 'FRONT_DESK', ?, 'READ', 'patient-record', ?, 'SUCCESS')""")
						.params(removed.id(), java.sql.Timestamp.from(removed.at()), removed.event().actor(),
								removed.event().patientId(), removed.event().sourceAddress())
						.update();
					jdbc.sql(
							"INSERT INTO audit_link (position, entry_id, key_id, previous_mac, mac) VALUES (?, ?, ?, ?, ?)")
						.params(link[0], removed.id(), link[1], link[2], link[3])
						.update();
				});
			}
			assertThat(log.verify().intact()).isTrue();
		}

		@Test
		void namesAnEntryTakenOutOfTheQueueBeforeItWasSealed() {
			sealAll();
			AuditEntry hidden = log.record(read("staff:frontdesk-1", UUID.randomUUID()));

			jdbc.sql("DELETE FROM audit_unchained WHERE entry_id = ?").param(hidden.id()).update();
			try {
				AuditLog.ChainVerdict verdict = log.verify();

				assertThat(verdict.firstBroken()).isEqualTo(hidden.id());
				assertThat(verdict.why()).contains("neither sealed");
			}
			finally {
				jdbc.sql("INSERT INTO audit_unchained (entry_id) VALUES (?)").param(hidden.id()).update();
				sealAll();
			}
			assertThat(log.verify().intact()).isTrue();
		}

		/**
		 * Re-hashes every link from this position on as the unkeyed chain did: SHA-256
		 * over the previous link and the entry, with no key.
		 */
		private void rehashFrom(long position) {
			byte[] previous = jdbc.sql("SELECT mac FROM audit_link WHERE position = ?")
				.param(position - 1)
				.query(byte[].class)
				.optional()
				.orElse(new byte[32]);
			List<Object[]> links = jdbc.sql("""
					SELECT l.position, e.* FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id
					WHERE l.position >= ? ORDER BY l.position""")
				.param(position)
				.query((rs, n) -> new Object[] { rs.getLong("position"), AuditLog.map(rs, n) })
				.list();
			for (Object[] link : links) {
				byte[] hash = sha256(previous, (long) link[0], (AuditEntry) link[1]);
				owner.sql("UPDATE audit_link SET previous_mac = ?, mac = ? WHERE position = ?")
					.params(previous, hash, link[0])
					.update();
				previous = hash;
			}
		}

		private static byte[] sha256(byte[] previous, long position, AuditEntry entry) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				digest.update(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
				digest.update(previous);
				return digest.digest(entry.canonical());
			}
			catch (java.security.NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	@Test
	void theApplicationsRoleMayOnlyInsertIntoAndReadTheTrail() {
		AuditEntry entry = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		sealAll();

		for (String sql : List.of("UPDATE audit_entry SET actor = 'nobody' WHERE id = " + entry.id(),
				"DELETE FROM audit_entry WHERE id = " + entry.id(), "TRUNCATE audit_entry CASCADE",
				"UPDATE audit_link SET mac = previous_mac WHERE entry_id = " + entry.id(),
				"DELETE FROM audit_link WHERE entry_id = " + entry.id(), "TRUNCATE audit_link",
				"ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete")) {
			assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.message()
				.containsAnyOf("permission denied", "must be owner");
		}
		assertThat(log.verify().intact()).isTrue();
	}

	/**
	 * What only someone with the table owner's rights can do (the application's role
	 * cannot): switch the guards off, change, switch them on.
	 */
	private void tamper(Runnable change) {
		ownerTransactions.executeWithoutResult(status -> {
			owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
			owner.sql("ALTER TABLE audit_link DISABLE TRIGGER audit_link_no_update_or_delete").update();
			change.run();
			owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
			owner.sql("ALTER TABLE audit_link ENABLE TRIGGER audit_link_no_update_or_delete").update();
		});
	}

	/**
	 * Seals until nothing committed waits; the scheduled chainer may hold the chain for a
	 * moment meanwhile.
	 */
	private void sealAll() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (jdbc.sql("SELECT count(*) FROM audit_unchained").query(Long.class).single() > 0) {
			if (chainer.sealNext() == 0) {
				assertThat(System.nanoTime()).as("entries still waiting after 30 s").isLessThan(deadline);
				Thread.onSpinWait();
			}
		}
	}

	private long position(AuditEntry entry) {
		return jdbc.sql("SELECT position FROM audit_link WHERE entry_id = ?")
			.param(entry.id())
			.query(Long.class)
			.single();
	}

	private byte[] mac(AuditEntry entry) {
		return jdbc.sql("SELECT mac FROM audit_link WHERE entry_id = ?").param(entry.id()).query(byte[].class).single();
	}

	private byte[] previousMac(AuditEntry entry) {
		return jdbc.sql("SELECT previous_mac FROM audit_link WHERE entry_id = ?")
			.param(entry.id())
			.query(byte[].class)
			.single();
	}

	private String runVerifyCommand() {
		var out = new ByteArrayOutputStream();
		new VerifyAuditChain(log).run(new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static AuditEvent read(String actor, UUID patient) {
		return new AuditEvent(actor, "FRONT_DESK", patient, "READ", "patient-record", null, "127.0.0.1",
				Outcome.SUCCESS);
	}

}
