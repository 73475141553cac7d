package org.unknot.frontdesk.web;

import java.time.LocalDate;
import java.util.List;

import org.unknot.insurance.Authorizations;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** A payer's authorization as the desk types it from the letter. */
record AuthorizationForm(String planId, String reference, String visits, String firstDay, String lastDay,
		List<String> services, String cptCodes) implements PageForm {

	static AuthorizationForm fresh() {
		return new AuthorizationForm(null, null, null, null, null, List.of(), null);
	}

	List<String> chosen() {
		return services == null ? List.of() : services;
	}

	Authorizations.Terms terms(FieldMessages messages) {
		return new Authorizations.Terms(planId, reference, messages.wholeNumber("visits", visits),
				messages.parse("firstDay", firstDay, LocalDate::parse, "Enter a date, e.g. 2027-01-04."),
				messages.parse("lastDay", lastDay, LocalDate::parse, "Enter a date, e.g. 2027-04-30."), chosen(),
				FieldMessages.words(cptCodes, "[,\\s]+"));
	}

}
