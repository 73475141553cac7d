package org.unknot.admin.web;

import java.util.List;
import java.util.Map;

import org.unknot.account.AccountDesk;
import org.unknot.account.Role;
import org.unknot.system.Text;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** A staff account as typed; the first password is never shown again. */
record NewAccountForm(String email, String displayName, String role, List<String> clinicIds, String practitionerId,
		String password) implements PageForm {

	AccountDesk.NewAccount account(FieldMessages messages) {
		Role chosen = messages.choice("role", Role.class, role, "Choose a role.");
		return new AccountDesk.NewAccount(orEmpty(email), orEmpty(displayName),
				chosen == null ? Role.FRONT_DESK : chosen, clinicIds == null ? List.of() : clinicIds,
				Text.blankToNull(practitionerId), null, orEmpty(password));
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	@Override
	public Map<String, String> typed() {
		Map<String, String> typed = PageForm.super.typed();
		typed.remove("password");
		return typed;
	}

}
