package org.unknot.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.account.Registrations.RegistrationRequested;
import org.unknot.system.SiteAddress;

/**
 * Writes the email answering a registration into the outbox, in the transaction of the
 * request: the link to finish, or, for an address that has an account already, how to
 * sign in. The page said the same either way; only the owner of the address learns which
 * it was.
 */
@Component
class RegistrationMessages {

	private final Notifications notifications;

	private final MessageTemplates templates;

	private final SiteAddress site;

	RegistrationMessages(Notifications notifications, MessageTemplates templates, SiteAddress site) {
		this.notifications = notifications;
		this.templates = templates;
		this.site = site;
	}

	// synchronous, in the request's transaction: the two commit together
	@EventListener
	void on(RegistrationRequested requested) {
		notifications.emailTo(requested.email(), requested.id(), "request", requested.expiresAt(),
				requested.alreadyRegistered() ? alreadyRegistered()
						: finish(site.link("/register/" + requested.token())));
	}

	Notifications.Message finish(String link) {
		return templates.message("registration", Map.of("link", link));
	}

	Notifications.Message alreadyRegistered() {
		return templates.message("registration-existing",
				Map.of("signIn", site.link("/sign-in"), "link", site.link("/sign-in/link")));
	}

}
