package org.unknot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.audit.AuditEvent.Outcome;
import org.unknot.system.DatabaseLogins;
import org.unknot.system.WritesAtCommit;

/**
 * An installation upgraded from the unkeyed chain: a database migrated to just before
 * V62, with entries chained the old way, then migrated on.
 */
@UnknotIntegrationTest
class KeyingAnOldChainTests {

	@Autowired
	DatabaseLogins logins;

	@Autowired
	List<JavaMigration> javaMigrations;

	String database;

	DataSource old;

	JdbcClient jdbc;

	@BeforeEach
	void anInstallationFromBeforeTheKey() {
		database = "audit_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		AsTableOwner.of(logins).jdbc().sql("CREATE DATABASE " + database).update();
		old = new DriverManagerDataSource(logins.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"),
				logins.owner().user(), "");
		jdbc = JdbcClient.create(old);
		// the last version before V62 on this branch; later ones of others apply after
		// the old entries
		migrate("53");
		byte[] previous = new byte[32];
		for (long id = 1; id <= 5; id++) {
			var entry = new AuditEntry(id, Instant.parse("2026-11-0" + id + "T15:30:00Z"),
					new AuditEvent("account:" + UUID.randomUUID(), "FRONT_DESK", UUID.randomUUID(), "READ", "intake",
							null, "10.0.0." + id, Outcome.SUCCESS));
			byte[] hash = entry.unkeyedHash(previous);
			jdbc.sql("""
					INSERT INTO audit_entry (id, at, actor, actor_role, patient_id, action, subject, source_address,
					    outcome, previous_hash, hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, Timestamp.from(entry.at()), entry.event().actor(), entry.event().actorRole(),
						entry.event().patientId(), entry.event().action(), entry.event().subject(),
						entry.event().sourceAddress(), entry.event().outcome().name(), previous, hash)
				.update();
			previous = hash;
		}
		migrate(null);
	}

	@AfterEach
	void dropIt() {
		AsTableOwner.of(logins).jdbc().sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
	}

	@Test
	void sealsTheOldEntriesWithTheKeyFirstAndNumbersNewOnesAfterThem() {
		ChainKey key = new ChainKey(new byte[32]);
		AuditLog log = new AuditLog(jdbc, new JdbcTemplate(old), Clock.systemUTC(), key, new WritesAtCommit(jdbc));
		AuditEntry added = log
			.record(new AuditEvent("system", "SYSTEM", null, "READ", "intake", null, null, Outcome.SUCCESS));

		sealAll(key);

		assertThat(added.id()).isEqualTo(6);
		assertThat(jdbc.sql("SELECT entry_id FROM audit_link ORDER BY position").query(Long.class).list())
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		AuditLog.ChainVerdict verdict = log.verify();
		assertThat(verdict.intact()).isTrue();
		assertThat(verdict.entries()).isEqualTo(6);
	}

	@Test
	void stillNamesAnOldEntryAlteredBeforeTheUpgrade() {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
		jdbc.sql("UPDATE audit_entry SET source_address = '192.0.2.1' WHERE id = 3").update();
		jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete").update();
		ChainKey key = new ChainKey(new byte[32]);
		AuditLog log = new AuditLog(jdbc, new JdbcTemplate(old), Clock.systemUTC(), key, new WritesAtCommit(jdbc));

		sealAll(key);
		AuditLog.ChainVerdict verdict = log.verify();

		assertThat(verdict.firstBroken()).isEqualTo(3L);
		assertThat(verdict.why()).contains("before the chain was keyed");
	}

	private void sealAll(ChainKey key) {
		var manager = new DataSourceTransactionManager(old);
		var chainer = new AuditChainer(jdbc, new JdbcTemplate(old), key, manager);
		var transactions = new TransactionTemplate(manager);
		while (transactions.execute(status -> chainer.sealNext()) > 0) {
			// until nothing waits
		}
	}

	private void migrate(String target) {
		var flyway = Flyway.configure()
			.dataSource(old)
			.locations("classpath:db/migration")
			.javaMigrations(javaMigrations.toArray(JavaMigration[]::new));
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

}
