package org.unknot.website;

import java.util.List;

import org.unknot.catalog.CareService;
import org.unknot.catalog.ServiceCategory;
import org.unknot.insurance.InsurancePlan;

/**
 * What a service page says about paying for it: the usual picture for its kind of care,
 * and which of the plans accepted now pay for this very service (the same answer the
 * booking flow gives for each plan, so an admin's change shows on both at once).
 */
final class InsuranceNotes {

	private InsuranceNotes() {
	}

	/** Which accepted plans pay for the service, in one sentence. */
	static String plansPaying(CareService service, List<InsurancePlan> accepted) {
		List<String> paying = accepted.stream()
			.filter(plan -> plan.coverageOf(service).covered())
			.map(InsurancePlan::name)
			.toList();
		if (paying.isEmpty()) {
			return "None of the plans we accept pays for this visit, so it is self-pay.";
		}
		return "Plans we accept that pay for this visit: " + String.join(", ", paying)
				+ ". When you book, choose your plan to see what it says.";
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
