package org.unknot.privacy;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation without downtime: after a new key is added and made active (old ones
 * kept), this re-seals every value still under an older key, in small transactions that
 * skip rows others are writing, while the application keeps serving. Once it reports
 * zero, old keys can be removed.
 */
@Service
public class Reencryption {

	private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final List<SealedColumn> columns;

	private final TransactionTemplate transactions;

	Reencryption(JdbcClient jdbc, FieldCipher cipher, List<SealedColumn> columns, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.columns = columns;
		this.transactions = transactions;
	}

	/** Re-seals every value not under the active key; answers how many were re-sealed. */
	public int run() {
		int total = 0;
		for (SealedColumn column : columns) {
			int moved;
			do {
				moved = transactions.execute(status -> batch(column));
				total += moved;
			}
			while (moved == BATCH);
		}
		log.info("Re-encryption moved {} sealed values to the active key", total);
		return total;
	}

	private int batch(SealedColumn column) {
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT " + column.idColumn() + " AS id, " + column.column() + " AS value FROM " + column.table()
					+ " WHERE " + column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE ? LIMIT " + BATCH
					+ " FOR UPDATE SKIP LOCKED")
			.param(cipher.activePrefix() + "%")
			.query()
			.listOfRows();
		for (Map<String, Object> row : rows) {
			Object id = row.get("id");
			String resealed = cipher.seal(cipher.open((String) row.get("value"), column.context(id)),
					column.context(id));
			jdbc.sql(
					"UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + column.idColumn() + " = ?")
				.params(resealed, id)
				.update();
		}
		return rows.size();
	}

}
