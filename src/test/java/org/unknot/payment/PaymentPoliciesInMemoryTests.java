package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.AsTableOwner;
import org.unknot.PaidService;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.catalog.ServiceId;
import org.unknot.system.DatabaseLogins;
import org.unknot.system.Money;
import org.unknot.system.ReferenceVersions;

/**
 * A booking reads its payment policy from memory, and is never told an old one: a change
 * on another node (here: a write that does not pass through this node's
 * {@link PaymentPolicies}) moves the reference version, which the booking's check reads.
 * Each transaction below plays a booking: it says which version its check read, then asks
 * for the policy.
 */
@UnknotIntegrationTest
class PaymentPoliciesInMemoryTests {

	@Autowired
	PaymentPolicies policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	@Autowired
	PlatformTransactionManager transactions;

	ServiceId service;

	@BeforeEach
	void aServiceWithADepositOfThirtyDollars() {
		String id = "policy-memory-" + TestNetwork.shortId();
		PaidService.offered(jdbc, policies, id, "Test massage, policy in memory", 12000, 3000);
		service = ServiceId.of(id);
	}

	@Test
	void aBookingAfterAnotherNodeChangedThePolicyIsToldTheNewOne() {
		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));

		anotherNodeSetsTheDeposit(4500);

		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(4500));
	}

	@Test
	void answersFromMemoryWhileTheVersionStands() {
		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));
		AsTableOwner owner = AsTableOwner.of(logins);
		owner.transactions().executeWithoutResult(status -> {
			// a change that moves no version: only memory still says $30 after it
			owner.jdbc()
				.sql("ALTER TABLE payment_policy DISABLE TRIGGER payment_policy_bumps_reference_version")
				.update();
			owner.jdbc()
				.sql("UPDATE payment_policy SET deposit_minor = 9900 WHERE service_id = ?")
				.param(service.value())
				.update();
			owner.jdbc()
				.sql("ALTER TABLE payment_policy ENABLE TRIGGER payment_policy_bumps_reference_version")
				.update();
		});

		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));
		assertThat(policies.find(service).orElseThrow().deposit()).isEqualTo(Money.usd(9900));
	}

	@Test
	void keepsNothingThatATransactionRolledBack() {
		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			setTheDeposit(jdbc, 7700);
			ReferenceVersions.seenInThisTransaction(version());
			assertThat(policies.of(service).deposit()).isEqualTo(Money.usd(7700));
			status.setRollbackOnly();
		});

		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));
		anotherNodeSetsTheDeposit(5000);
		assertThat(asABookingWould().deposit()).as("the version the rolled-back change had, now another's")
			.isEqualTo(Money.usd(5000));
	}

	@Test
	void withoutACheckInTheTransactionReadsThePolicyFromTheDatabase() {
		assertThat(asABookingWould().deposit()).isEqualTo(Money.usd(3000));
		anotherNodeSetsTheDeposit(6100);

		PaymentPolicy read = new TransactionTemplate(transactions).execute(status -> policies.of(service));

		assertThat(read.deposit()).isEqualTo(Money.usd(6100));
		assertThat(read.lateWindow()).isEqualTo(Duration.ofHours(24));
	}

	private PaymentPolicy asABookingWould() {
		return new TransactionTemplate(transactions).execute(status -> {
			ReferenceVersions.seenInThisTransaction(version());
			return policies.of(service);
		});
	}

	private void anotherNodeSetsTheDeposit(long cents) {
		setTheDeposit(jdbc, cents);
	}

	private void setTheDeposit(JdbcClient on, long cents) {
		on.sql("UPDATE payment_policy SET deposit_minor = ? WHERE service_id = ?")
			.params(cents, service.value())
			.update();
	}

	private long version() {
		return jdbc.sql("SELECT version FROM reference_version").query(Long.class).single();
	}

}
