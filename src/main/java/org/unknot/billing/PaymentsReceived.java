package org.unknot.billing;

import java.util.Collection;
import java.util.List;

/**
 * The payments received for some visits, from whichever module keeps the payment ledger.
 * Superbills show a payments section only when an implementation is present; without one
 * they list charges alone.
 */
public interface PaymentsReceived {

	/** Every payment received for these visits, in any order. */
	List<Superbill.Payment> forVisits(Collection<java.util.UUID> visitIds);

}
