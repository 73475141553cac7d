package org.unknot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.Role;

/**
 * A node checks that its keys open what a database holds before it takes that data on (a
 * restore): other keys are found out by name, a key of the same name with other material
 * by the value it cannot open.
 */
@UnknotIntegrationTest
class KeyCheckTests {

	@Autowired
	FieldCipher cipher;

	@Autowired
	List<SealedColumn> columns;

	@Autowired
	DataSource dataSource;

	@Autowired
	AccountDesk accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aSealedSecret() {
		Account account = accounts.create(new AccountDesk.NewAccount("keys-" + UUID.randomUUID() + "@unknot.example",
				"Kit Keys", Role.ADMIN, List.of(), null, null, "a long enough password 1"));
		jdbc.sql("UPDATE account SET totp_secret = ? WHERE id = ?")
			.params(cipher.seal("JBSWY3DPEHPK3PXP", "account.totp_secret:" + account.id()), account.id())
			.update();
	}

	@Test
	void theNodesOwnKeysOpenEverySealedColumn() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(new KeyCheck(cipher, columns).firstUnreadable(connection)).isEmpty();
		}
	}

	@Test
	void otherKeysAreFoundOutByName() throws Exception {
		FieldCipher elsewhere = FieldCipherTests.cipher(Map.of("elsewhere", FieldCipherTests.newKey()), "elsewhere");

		try (Connection connection = dataSource.getConnection()) {
			assertThat(new KeyCheck(elsewhere, columns).firstUnreadable(connection)).hasValueSatisfying(
					why -> assertThat(why).contains("which is not configured").doesNotContain("JBSWY3DPEHPK3PXP"));
		}
	}

	@Test
	void aKeyOfTheSameNameWithOtherMaterialIsFoundOutByTheValueItCannotOpen() throws Exception {
		String active = cipher.activePrefix().split(":")[1];
		FieldCipher impostor = FieldCipherTests.cipher(Map.of(active, FieldCipherTests.newKey()), active);

		try (Connection connection = dataSource.getConnection()) {
			assertThat(new KeyCheck(impostor, columns).firstUnreadable(connection))
				.hasValueSatisfying(why -> assertThat(why).contains("altered"));
		}
	}

}
