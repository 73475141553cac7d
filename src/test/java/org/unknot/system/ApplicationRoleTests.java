package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;

@UnknotIntegrationTest
class ApplicationRoleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	@Test
	void theApplicationConnectsAsItsOwnRoleAndTheMigrationsRanAsTheOwner() {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(ApplicationRole.EMBEDDED);
		assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
			.isFalse();
		assertThat(jdbc.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
			.query(String.class)
			.list()).containsExactly("postgres");
	}

	@Test
	void mayWriteEveryTableOfEveryMigrationButOnlyInsertIntoAndReadTheAuditTrail() {
		List<String> tables = jdbc.sql("""
				SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
				ORDER BY 1""").query(String.class).list();

		assertThat(tables).contains("audit_entry", "audit_link", "appointment", "hold_client");
		for (String table : tables) {
			boolean audit = table.equals("audit_entry") || table.equals("audit_link");
			assertThat(may(table, "SELECT")).as(table).isTrue();
			assertThat(may(table, "INSERT")).as(table).isTrue();
			assertThat(may(table, "UPDATE")).as(table).isEqualTo(!audit);
			assertThat(may(table, "DELETE")).as(table).isEqualTo(!audit);
			assertThat(may(table, "TRUNCATE")).as(table).isFalse();
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM pg_sequences
				WHERE schemaname = 'public' AND NOT has_sequence_privilege('public.' || sequencename, 'USAGE')""")
			.query(Long.class)
			.single()).as("sequences it cannot use").isZero();
	}

	@Test
	void tablesTheOwnerAddsLaterAreTheApplicationsToWriteToo() {
		String table = "later_migration_probe_" + System.nanoTime();
		JdbcClient owner = AsTableOwner.of(logins).jdbc();
		owner.sql("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, note text)").update();
		try {
			jdbc.sql("INSERT INTO " + table + " (note) VALUES ('written by the application')").update();
			jdbc.sql("UPDATE " + table + " SET note = 'changed'").update();

			assertThat(jdbc.sql("DELETE FROM " + table).update()).isEqualTo(1);
		}
		finally {
			owner.sql("DROP TABLE " + table).update();
		}
	}

	@Test
	void refusesToStartAsARoleThatCouldRewriteTheAuditTrail() {
		var asOwner = new DatabaseLogins(logins.url(), logins.owner(), logins.owner());

		assertThatThrownBy(() -> Flyway.configure()
			.dataSource(logins.ownerDataSource())
			.callbacks(new ApplicationRole(asOwner))
			// nothing to migrate: only the check after it runs
			.validateOnMigrate(false)
			.load()
			.migrate())
			.satisfies(refused -> assertThat(NestedExceptionUtils.getMostSpecificCause(refused))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("'postgres' could rewrite the audit trail")
				.hasMessageContaining("unknot.db.owner.user"));
	}

	private boolean may(String table, String privilege) {
		return jdbc.sql("SELECT has_table_privilege(?, ?)").params(table, privilege).query(Boolean.class).single();
	}

}
