package org.unknot.system;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Who connects to the database: the application, as a role that may read and write its
 * tables but only insert into and read the audit trail, and the owner of the schema, who
 * runs the migrations. On the embedded database Unknot makes both itself; on an external
 * one they come from {@code unknot.db.user} and {@code unknot.db.owner.user} (see
 * docs/operations.md).
 */
public record DatabaseLogins(String url, Login app, Login owner) {

	/** A role and its password (none: the server trusts local connections). */
	public record Login(String user, String password) {
	}

	/** Whether migrations run as a role other than the application's. */
	public boolean separateOwner() {
		return !app.user().equals(owner.user());
	}

	/**
	 * Unpooled connections as the owner: for the migrations, and for what only the owner
	 * may do (tests that play someone tampering with the database).
	 */
	public DataSource ownerDataSource() {
		return new DriverManagerDataSource(url, owner.user(), owner.password() == null ? "" : owner.password());
	}

}
