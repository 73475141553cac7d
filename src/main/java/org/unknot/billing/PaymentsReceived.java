package org.unknot.billing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.unknot.system.Money;

/**
 * The payments received for some visits, and the fees they were booked at, from whichever
 * module keeps the payment ledger. Superbills show a payments section only when an
 * implementation is present; without one they list charges alone.
 */
public interface PaymentsReceived {

	/** Every payment received for these visits, in any order. */
	List<Superbill.Payment> forVisits(Collection<java.util.UUID> visitIds);

	/**
	 * The fee each visit was booked at, where kept; a superbill lists that fee, not what
	 * the catalog says today.
	 */
	Map<java.util.UUID, Money> feesAtBooking(Collection<java.util.UUID> visitIds);

}
