package org.unknot.account.web;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.unknot.account.AccountDesk;
import org.unknot.account.AccountDesk.AccountDisabled;

/**
 * Ends every session of an account the moment it is disabled, its access changes or its
 * password changes, on every node: the sessions live in PostgreSQL, indexed by account.
 * Synchronous on purpose: they must be over before the request that disabled the account
 * is answered, and a restart does not end them any more.
 */
@Component
class SessionEnder {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionEnder(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	static String indexName(UUID accountId) {
		return "account:" + accountId;
	}

	@EventListener
	void on(AccountDisabled disabled) {
		endSessionsOf(disabled.accountId());
	}

	@EventListener
	void on(AccountDesk.PasswordChanged changed) {
		endSessionsOf(changed.accountId());
	}

	private void endSessionsOf(UUID accountId) {
		sessions.findByPrincipalName(indexName(accountId)).keySet().forEach(sessions::deleteById);
	}

}
