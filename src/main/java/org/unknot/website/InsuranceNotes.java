package org.unknot.website;

import org.unknot.catalog.ServiceCategory;

/**
 * What a service page says about paying for it, by kind of care. Whether a given plan covers a given
 * visit is answered in the booking flow, from the plans the network accepts.
 */
final class InsuranceNotes {

	private InsuranceNotes() {
	}

	static String of(ServiceCategory category) {
		return switch (category) {
			case MASSAGE -> "Massage by a licensed massage therapist is self-pay: Medicare does not pay for it and "
					+ "most commercial plans do not either. Ask your plan whether a health savings or flexible "
					+ "spending account can be used; we give you an itemised receipt.";
			case CONSULTATION -> "Consultations with a pain physician are covered by Medicare, Medicare Advantage and "
					+ "most commercial plans we accept, in the clinic or by video; your usual co-pay or deductible "
					+ "applies. When you book, choose your plan and we tell you whether it covers this visit.";
			case PROCEDURE -> "Procedures are usually covered when a physician has found them medically necessary "
					+ "at a prior consultation. Some plans ask for approval in advance, which our office requests "
					+ "for you. Your co-pay, co-insurance or deductible applies.";
			case PHYSICAL_THERAPY -> "Physical therapy under a plan of care is covered by Medicare and most commercial "
					+ "plans, sometimes with a limit on the number of visits a year. Choose your plan when you book "
					+ "to see whether it covers this visit.";
			case COUNSELLING -> "Pain counselling with a psychologist is covered by many plans as behavioural health "
					+ "care, in the clinic or by video. Choose your plan when you book to see whether it covers this visit.";
		};
	}
}
