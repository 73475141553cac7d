package org.unknot.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration when no admin exists yet. They enrol
 * their second factor at their first sign-in.
 */
@Component
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final AccountDesk desk;

	private final AccountProperties properties;

	FirstAdmin(Accounts accounts, AccountDesk desk, AccountProperties properties) {
		this.accounts = accounts;
		this.desk = desk;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createIfConfigured() {
		AccountProperties.FirstAdmin admin = properties.admin();
		if (!admin.configured() || accounts.anyWithRole(Role.ADMIN)) {
			return;
		}
		desk.create(new AccountDesk.NewAccount(admin.email(), admin.name(), Role.ADMIN, List.of(), null, null,
				admin.password()));
		log.info("Created the first administrator account from configuration");
	}

}
