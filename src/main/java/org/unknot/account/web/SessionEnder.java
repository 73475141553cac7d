package org.unknot.account.web;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.unknot.account.AccountDesk;
import org.unknot.account.AccountDesk.AccountDisabled;
import org.unknot.account.SignedIn;

/**
 * Ends every session of an account the moment it is disabled or its password changes.
 * Synchronous on purpose: the sessions live in this process's memory (a restart ends them
 * all anyway, so there is nothing to keep in the publication registry), and they must be
 * over before the request that disabled the account is answered.
 */
@Component
class SessionEnder {

	private final SessionRegistry sessions;

	SessionEnder(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(AccountDisabled disabled) {
		endSessionsOf(disabled.accountId());
	}

	@EventListener
	void on(AccountDesk.PasswordChanged changed) {
		endSessionsOf(changed.accountId());
	}

	private void endSessionsOf(java.util.UUID accountId) {
		for (Object principal : sessions.getAllPrincipals()) {
			if (principal instanceof SignedIn signedIn && signedIn.accountId().equals(accountId)) {
				sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

}
