package org.unknot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.UnknotIntegrationTest;
import org.unknot.audit.AuditEvent.Outcome;

@UnknotIntegrationTest
class AuditLogTests {

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void chainsEachEntryToTheOneBefore() {
		UUID patient = UUID.randomUUID();

		AuditEntry first = log.record(read("staff:frontdesk-1", patient));
		AuditEntry second = log.record(read("staff:dr-okafor", patient));

		assertThat(second.id()).isEqualTo(first.id() + 1);
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void chainsEntriesWrittenTogetherInTheirOrderBetweenSingleOnes() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		AuditEntry before = log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		log.recordAll(List.of(read("staff:frontdesk-2", first), read("staff:frontdesk-2", second)));
		AuditEntry after = log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		assertThat(log.readsOf(first)).singleElement()
			.satisfies(entry -> assertThat(entry.id()).isEqualTo(before.id() + 1));
		assertThat(log.readsOf(second)).singleElement()
			.satisfies(entry -> assertThat(entry.id()).isEqualTo(before.id() + 2));
		assertThat(after.id()).isEqualTo(before.id() + 3);
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
	void refusesToChangeOrRemoveAnEntry() {
		AuditEntry entry = log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit_entry SET actor = 'nobody' WHERE id = ?").param(entry.id()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(entry.id()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
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

	@Test
	void staysOneUnbrokenChainUnderConcurrentWriters() throws Exception {
		long before = count();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 8; w++) {
				String actor = "staff:writer-" + w;
				writers.add(() -> {
					for (int i = 0; i < 25; i++) {
						log.record(read(actor, UUID.randomUUID()));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(writers)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(count()).isEqualTo(before + 200);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void namesTheFirstEntryWhoseContentWasAlteredBehindItsBack() {
		AuditEntry kept = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		AuditEntry altered = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		log.record(read("staff:frontdesk-1", UUID.randomUUID()));

		tamper("UPDATE audit_entry SET actor = 'staff:someone-innocent' WHERE id = " + altered.id());
		try {
			AuditLog.ChainVerdict verdict = log.verify();

			assertThat(verdict.intact()).isFalse();
			assertThat(verdict.firstBroken()).isEqualTo(altered.id()).isNotEqualTo(kept.id());
			assertThat(verdict.why()).contains("content");
			assertThat(runVerifyCommand()).contains("BROKEN at entry " + altered.id());
		}
		finally {
			tamper("UPDATE audit_entry SET actor = 'staff:frontdesk-1' WHERE id = " + altered.id());
		}
		assertThat(log.verify().intact()).isTrue();
		assertThat(runVerifyCommand()).contains("intact");
	}

	@Test
	void namesTheEntryAfterOneThatWasRemoved() {
		AuditEntry removed = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		AuditEntry next = log.record(read("staff:frontdesk-1", UUID.randomUUID()));
		Object[] row = jdbc.sql("SELECT * FROM audit_entry WHERE id = ?")
			.param(removed.id())
			.query((rs, n) -> new Object[] { rs.getObject("at"), rs.getBytes("previous_hash"), rs.getBytes("hash") })
			.single();

		tamper("DELETE FROM audit_entry WHERE id = " + removed.id());
		try {
			AuditLog.ChainVerdict verdict = log.verify();

			assertThat(verdict.firstBroken()).isEqualTo(next.id());
			assertThat(verdict.why()).contains("missing");
		}
		finally {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
				jdbc.sql("""
						INSERT INTO audit_entry (id, at, actor, actor_role, patient_id, action, subject, source_address,
						    outcome, previous_hash, hash)
						VALUES (?, ?, ?, 'FRONT_DESK', ?, 'READ', 'patient-record', ?, 'SUCCESS', ?, ?)""")
					.params(removed.id(), row[0], removed.event().actor(), removed.event().patientId(),
							removed.event().sourceAddress(), row[1], row[2])
					.update();
				jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
			});
		}
		assertThat(log.verify().intact()).isTrue();
	}

	/**
	 * What only someone with the table owner's rights can do: switch the guard off,
	 * change, switch it on.
	 */
	private void tamper(String sql) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
			jdbc.sql(sql).update();
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
		});
	}

	private String runVerifyCommand() {
		var out = new ByteArrayOutputStream();
		new VerifyAuditChain(log).run(new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
	}

	private static AuditEvent read(String actor, UUID patient) {
		return new AuditEvent(actor, "FRONT_DESK", patient, "READ", "patient-record", null, "127.0.0.1",
				Outcome.SUCCESS);
	}

}
