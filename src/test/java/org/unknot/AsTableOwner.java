package org.unknot;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.system.DatabaseLogins;

/**
 * The database as its owner sees it, for tests that change the schema (a constraint that
 * makes a listener fail, a probe table) or play someone tampering with the audit trail:
 * the application's own role may do neither.
 */
public record AsTableOwner(JdbcClient jdbc, TransactionTemplate transactions) {

	public static AsTableOwner of(DatabaseLogins logins) {
		DataSource owner = logins.ownerDataSource();
		return new AsTableOwner(JdbcClient.create(owner),
				new TransactionTemplate(new DataSourceTransactionManager(owner)));
	}

}
