package org.unknot.account.web;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.unknot.account.AccountDesk.AccountDisabled;
import org.unknot.account.SignedIn;

/** Ends every session of an account the moment it is disabled; its next request finds itself signed out. */
@Component
class SessionEnder {

	private final SessionRegistry sessions;

	SessionEnder(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(AccountDisabled disabled) {
		for (Object principal : sessions.getAllPrincipals()) {
			if (principal instanceof SignedIn signedIn && signedIn.accountId().equals(disabled.accountId())) {
				sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}
}
