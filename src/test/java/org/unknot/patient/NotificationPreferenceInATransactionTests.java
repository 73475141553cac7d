package org.unknot.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.UnknotIntegrationTest;

/**
 * A booking reads the patient's notification preference with the patient's upsert and
 * reuses it in its transaction; what it reuses is always what PostgreSQL would answer.
 */
@UnknotIntegrationTest
class NotificationPreferenceInATransactionTests {

	static final NotificationPreference TEXTS_ONLY = new NotificationPreference(NotificationPreference.Channels.SMS,
			false);

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readsTheStoredPreferenceOfAReturningPatientWithTheUpsert() {
		UUID id = patients.identify(someone());
		patients.setNotificationPreference(id, TEXTS_ONLY);

		NotificationPreference reused = new TransactionTemplate(transactions).execute(status -> {
			patients.identify(someone());
			return patients.notificationPreference(id);
		});

		assertThat(reused).isEqualTo(TEXTS_ONLY);
	}

	@Test
	void readsAPreferenceChangedInTheSameTransactionAnew() {
		NotificationPreference afterTheChange = new TransactionTemplate(transactions).execute(status -> {
			UUID id = patients.identify(someone());
			patients.setNotificationPreference(id, TEXTS_ONLY);
			return patients.notificationPreference(id);
		});

		assertThat(afterTheChange).isEqualTo(TEXTS_ONLY);
	}

	@Test
	void keepsNothingForTheNextTransaction() {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		UUID id = transaction.execute(status -> patients.identify(someone()));
		jdbc.sql("UPDATE patient SET notify_by = 'sms' WHERE id = ?").param(id).update();

		NotificationPreference inTheNext = transaction.execute(status -> patients.notificationPreference(id));

		assertThat(inTheNext).isEqualTo(TEXTS_ONLY);
		assertThat(patients.notificationPreference(id)).isEqualTo(TEXTS_ONLY);
	}

	@Test
	void knowsWhichPatientsTheTransactionCreatedAndOnlyWhileItRuns() {
		UUID returning = patients.identify(someone());
		PatientDetails newcomer = new PatientDetails("Sam", "Hale", "new-" + email, null, LocalDate.of(1981, 5, 6));
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		UUID created = transaction.execute(status -> {
			UUID id = patients.identify(newcomer);
			patients.identify(someone());
			assertThat(patients.createdInThisTransaction(id)).isTrue();
			assertThat(patients.identify(newcomer)).isEqualTo(id);
			assertThat(patients.createdInThisTransaction(id)).isTrue();
			assertThat(patients.createdInThisTransaction(returning)).isFalse();
			return id;
		});

		Boolean inTheNext = transaction.execute(status -> patients.createdInThisTransaction(created));
		assertThat(inTheNext).isFalse();
		assertThat(patients.createdInThisTransaction(created)).isFalse();
	}

	private final String email = "preference-" + UUID.randomUUID() + "@example.org";

	private PatientDetails someone() {
		return new PatientDetails("Robin", "Hale", email, null, LocalDate.of(1979, 3, 4));
	}

}
