package org.unknot.care.measures;

import org.unknot.system.DomainProblem;

/** A questionnaire link that can no longer be answered: answered already, or expired. */
public class QuestionnaireClosed extends DomainProblem {

	private final boolean answered;

	QuestionnaireClosed(boolean answered) {
		super(Kind.CONFLICT, "questionnaire-closed", answered ? "These questions have been answered already; thank you."
				: "This link has expired; you can answer at the front desk when you arrive.");
		this.answered = answered;
	}

	public boolean answered() {
		return answered;
	}

}
