package org.unknot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.system.DatabaseLogins;

@UnknotIntegrationTest
class ReencryptionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	AsTableOwner owner;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void movesEveryValueToTheNewKeySoTheOldOneCanBeRetired() {
		owner = AsTableOwner.of(logins);
		owner.jdbc().sql("CREATE TABLE IF NOT EXISTS sealed_sample (id int PRIMARY KEY, secret text)").update();
		owner.jdbc().sql("TRUNCATE sealed_sample").update();
		var column = new SealedColumn("sealed_sample", "id", "secret");
		String oldKey = FieldCipherTests.newKey();
		String newKey = FieldCipherTests.newKey();
		FieldCipher before = FieldCipherTests.cipher(Map.of("old", oldKey), "old");
		for (int id = 1; id <= 450; id++) {
			jdbc.sql("INSERT INTO sealed_sample VALUES (?, ?)")
				.params(id, id % 10 == 0 ? null : before.seal("note " + id, column.context(id)))
				.update();
		}
		Map<String, String> both = new LinkedHashMap<>();
		both.put("old", oldKey);
		both.put("new", newKey);
		FieldCipher during = FieldCipherTests.cipher(both, "new");

		int moved = new Reencryption(jdbc, during, List.of(column), transactions).run();
		int again = new Reencryption(jdbc, during, List.of(column), transactions).run();

		assertThat(moved).isEqualTo(405);
		assertThat(again).isZero();
		FieldCipher after = FieldCipherTests.cipher(Map.of("new", newKey), "new");
		jdbc.sql("SELECT id, secret FROM sealed_sample WHERE secret IS NOT NULL").query((rs, n) -> {
			assertThat(after.open(rs.getString("secret"), column.context(rs.getInt("id"))))
				.isEqualTo("note " + rs.getInt("id"));
			return null;
		}).list();
		assertThat(jdbc.sql("SELECT count(*) FROM sealed_sample WHERE secret IS NULL").query(Long.class).single())
			.isEqualTo(45);
	}

}
