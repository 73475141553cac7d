package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.UnknotIntegrationTest;

@UnknotIntegrationTest
class FirstAdminTests {

	@Autowired
	Accounts accounts;

	@Autowired
	AccountDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Runs in a transaction that is rolled back, so other tests' admins are untouched.
	 */
	@Test
	void isCreatedFromConfigurationOnlyWhileThereIsNoAdmin() {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("UPDATE account SET role = 'FRONT_DESK', clinic_ids = '{somewhere}' WHERE role = 'ADMIN'")
				.update();
			createsOnlyTheFirst();
			status.setRollbackOnly();
		});
	}

	private void createsOnlyTheFirst() {
		String email = "first-admin-" + UUID.randomUUID() + "@unknot.example";
		var configured = new AccountProperties("Unknot",
				new AccountProperties.FirstAdmin(email, "the very first passphrase", "Fran First"),
				Duration.ofHours(12));

		new FirstAdmin(accounts, desk, configured).createIfConfigured();
		new FirstAdmin(accounts, desk,
				new AccountProperties("Unknot",
						new AccountProperties.FirstAdmin("second-" + email, "another long passphrase", "Second"),
						Duration.ofHours(12)))
			.createIfConfigured();

		assertThat(accounts.byEmail(email)).hasValueSatisfying(admin -> {
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
			assertThat(admin.totpConfirmed()).as("enrols at first sign-in").isFalse();
		});
		assertThat(accounts.byEmail("second-" + email)).as("an admin exists already").isEmpty();
	}

}
