package org.unknot.patient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notification preferences read with the patient in the current transaction, so that a
 * booking reads a patient's preference once (with the patient's upsert, which also locks
 * the row until the end) instead of twice. Bound to the transaction as its connection is:
 * a transaction started inside it (REQUIRES_NEW) does not see them, and they are gone
 * when it ends. Outside a transaction nothing is kept.
 */
final class KnownPreferences implements TransactionSynchronization {

	private final Map<UUID, NotificationPreference> known = new HashMap<>();

	private KnownPreferences() {
	}

	/** The preference read in this transaction, or null. */
	static NotificationPreference of(UUID patientId) {
		KnownPreferences bound = (KnownPreferences) TransactionSynchronizationManager
			.getResource(KnownPreferences.class);
		return bound == null ? null : bound.known.get(patientId);
	}

	static void remember(UUID patientId, NotificationPreference preference) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		KnownPreferences bound = (KnownPreferences) TransactionSynchronizationManager
			.getResource(KnownPreferences.class);
		if (bound == null) {
			bound = new KnownPreferences();
			TransactionSynchronizationManager.bindResource(KnownPreferences.class, bound);
			TransactionSynchronizationManager.registerSynchronization(bound);
		}
		bound.known.put(patientId, preference);
	}

	/**
	 * After a change, the next look-up reads it (a savepoint might yet undo the change).
	 */
	static void forget(UUID patientId) {
		KnownPreferences bound = (KnownPreferences) TransactionSynchronizationManager
			.getResource(KnownPreferences.class);
		if (bound != null) {
			bound.known.remove(patientId);
		}
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(KnownPreferences.class);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(KnownPreferences.class, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KnownPreferences.class);
	}

}
