package org.unknot.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.account.SignInLinks.SignInLinkRequested;
import org.unknot.account.SignInLinks.SignInLinkUnusable;
import org.unknot.system.SiteAddress;
import org.unknot.patient.PatientId;

/**
 * Writes the sign-in link email into the outbox, in the transaction that created the
 * link; or, for an address without a patient account, the email saying so.
 */
@Component
class SignInLinkMessages {

	private final Notifications notifications;

	private final MessageTemplates templates;

	private final SiteAddress site;

	SignInLinkMessages(Notifications notifications, MessageTemplates templates, SiteAddress site) {
		this.notifications = notifications;
		this.templates = templates;
		this.site = site;
	}

	// synchronous, in the link's transaction: the link and its email commit together
	@EventListener
	void on(SignInLinkRequested requested) {
		notifications.signInLink(requested.linkId(), PatientId.of(requested.patientId()), requested.expiresAt(),
				linkEmail(site.link("/sign-in/link/" + requested.token())));
	}

	/** No patient account at the address can use a link: say so, and how to open one. */
	@EventListener
	void on(SignInLinkUnusable unusable) {
		notifications.emailTo(unusable.email(), unusable.linkId(), "sign-in", unusable.expiresAt(), unusableEmail());
	}

	Notifications.Message linkEmail(String link) {
		return templates.message("sign-in-link", Map.of("link", link));
	}

	Notifications.Message unusableEmail() {
		return templates.message("sign-in-unusable", Map.of("register", site.link("/register")));
	}

}
