package org.unknot.notification;

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

	private final SiteAddress site;

	RegistrationMessages(Notifications notifications, SiteAddress site) {
		this.notifications = notifications;
		this.site = site;
	}

	// synchronous, in the request's transaction: the two commit together
	@EventListener
	void on(RegistrationRequested requested) {
		notifications.emailTo(requested.email(), requested.id(), "request", requested.expiresAt(),
				requested.alreadyRegistered() ? alreadyRegistered()
						: finish(site.link("/register/" + requested.token())));
	}

	private static Notifications.Message finish(String link) {
		String text = "Hello,\n\nto open your Unknot patient account, follow this link within 60 minutes and "
				+ "choose a password. It works once:\n\n" + link
				+ "\n\nIf you did not ask for an account, ignore this email; nothing happens without the link.\n";
		String html = "<p>Hello,</p><p>to open your Unknot patient account, follow this link within 60 minutes and "
				+ "choose a password. It works once:</p><p><a href=\"" + MessageComposer.esc(link)
				+ "\">Open my account</a></p>"
				+ "<p>If you did not ask for an account, ignore this email; nothing happens without the link.</p>";
		return new Notifications.Message("Open your Unknot account", text, html, null);
	}

	private Notifications.Message alreadyRegistered() {
		String signIn = site.link("/sign-in");
		String link = site.link("/sign-in/link");
		String text = "Hello,\n\nsomeone, probably you, asked to open an Unknot account with this address. "
				+ "It has one already, so nothing was changed.\n\nSign in: " + signIn
				+ "\nForgot your password? Ask for a sign-in link: " + link
				+ "\n\nIf you did not ask, ignore this email; your account is as it was.\n";
		String html = "<p>Hello,</p><p>someone, probably you, asked to open an Unknot account with this address. "
				+ "It has one already, so nothing was changed.</p><p><a href=\"" + MessageComposer.esc(signIn)
				+ "\">Sign in</a>. Forgot your password? <a href=\"" + MessageComposer.esc(link)
				+ "\">Ask for a sign-in link</a>.</p><p>If you did not ask, ignore this email; your account is as it was.</p>";
		return new Notifications.Message("You already have an Unknot account", text, html, null);
	}

}
