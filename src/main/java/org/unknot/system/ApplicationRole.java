package org.unknot.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The database role the application runs as: it reads and writes every table, but the
 * audit trail ({@code audit_entry}, {@code audit_link}) it may only insert into and read,
 * so that no bug or stolen session can rewrite what was recorded; the migrations run as
 * the owner. After every migration run this grants the role what it needs, tables and
 * sequences added by later migrations included, and then refuses to start if the role
 * could still change the audit trail (it owns the tables, is a superuser, or holds
 * UPDATE, DELETE or TRUNCATE on them).
 */
final class ApplicationRole implements Callback {

	/** The role Unknot makes for itself on its embedded PostgreSQL. */
	static final String EMBEDDED = "unknot_app";

	private static final List<String> AUDIT_TABLES = List.of("audit_entry", "audit_link");

	private final DatabaseLogins logins;

	ApplicationRole(DatabaseLogins logins) {
		this.logins = logins;
	}

	/** Makes the embedded role, or gives it this password if it exists. */
	static void ensure(DataSource server, String password) {
		try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + EMBEDDED
					+ "') THEN CREATE ROLE " + EMBEDDED + " LOGIN; END IF; END $$");
			statement.execute("ALTER ROLE " + EMBEDDED + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
					+ literal(password));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not make the database role " + EMBEDDED, e);
		}
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		String role = logins.app().user();
		try (Statement statement = context.getConnection().createStatement()) {
			if (logins.separateOwner()) {
				for (String grant : grants(identifier(role))) {
					statement.execute(grant);
				}
			}
			refuseIfItCanRewriteTheAudit(context.getConnection(), role);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not grant the application's role " + role + " its rights", e);
		}
	}

	@Override
	public String getCallbackName() {
		return "application role";
	}

	/**
	 * What the owner grants the application's role; docs/operations.md lists the same.
	 */
	static List<String> grants(String role) {
		return List.of("GRANT USAGE ON SCHEMA public TO " + role,
				"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role,
				"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + role,
				"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + role,
				"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + role,
				"REVOKE UPDATE, DELETE, TRUNCATE ON " + String.join(", ", AUDIT_TABLES) + " FROM " + role,
				"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM " + role);
	}

	private static void refuseIfItCanRewriteTheAudit(Connection connection, String role) throws SQLException {
		try (var check = connection.prepareStatement("""
				SELECT c.relname FROM pg_roles r, pg_class c
				WHERE r.rolname = ? AND c.oid IN ('audit_entry'::regclass, 'audit_link'::regclass)
				  AND (r.rolsuper OR pg_has_role(r.oid, c.relowner, 'MEMBER')
				       OR has_table_privilege(r.oid, c.oid, 'UPDATE') OR has_table_privilege(r.oid, c.oid, 'DELETE')
				       OR has_table_privilege(r.oid, c.oid, 'TRUNCATE'))
				ORDER BY 1 LIMIT 1""")) {
			check.setString(1, role);
			try (var rows = check.executeQuery()) {
				if (rows.next()) {
					throw new IllegalStateException("The application's database role '" + role + "' could rewrite the "
							+ "audit trail (" + rows.getString(1) + "): it is a superuser, owns the table, or may "
							+ "update, delete or truncate it. Run Unknot as a role that may only insert into and read "
							+ "it (unknot.db.user), with the migrations run by the owner (unknot.db.owner.user); "
							+ "docs/operations.md lists the grants.");
				}
			}
		}
	}

	private static String identifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
