package org.unknot.admin.web;

import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.PayerKind;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** An insurance plan's terms as typed. */
record PlanForm(String name, String payerKind, String memberIdLabel, String memberIdPattern) implements PageForm {

	static PlanForm fresh() {
		return new PlanForm(null, null, "Member ID", null);
	}

	static PlanForm of(InsurancePlan plan) {
		return new PlanForm(plan.name(), plan.payerKind().name(), plan.memberIdLabel(),
				plan.memberIdPattern().pattern());
	}

	InsuranceAdmin.PlanTerms terms() {
		return new InsuranceAdmin.PlanTerms(name, FieldMessages.choice(PayerKind.class, payerKind), memberIdLabel,
				memberIdPattern);
	}

}
