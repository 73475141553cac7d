package org.unknot.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.account.SignInLinks.SignInLinkRequested;
import org.unknot.account.SignInLinks.SignInLinkUnusable;
import org.unknot.system.SiteAddress;

/**
 * Writes the sign-in link email into the outbox, in the transaction that created the
 * link; or, for an address without a patient account, the email saying so.
 */
@Component
class SignInLinkMessages {

	private final Notifications notifications;

	private final SiteAddress site;

	SignInLinkMessages(Notifications notifications, SiteAddress site) {
		this.notifications = notifications;
		this.site = site;
	}

	// synchronous, in the link's transaction: the link and its email commit together
	@EventListener
	void on(SignInLinkRequested requested) {
		String link = site.link("/sign-in/link/" + requested.token());
		String text = "Hello,\n\nuse this link within 10 minutes to sign in to Unknot. It works once:\n\n" + link
				+ "\n\nIf you did not ask for it, ignore this email; nobody can sign in without it.\n";
		String html = "<p>Hello,</p><p>use this link within 10 minutes to sign in to Unknot. It works once:</p>"
				+ "<p><a href=\"" + link + "\">Sign in to Unknot</a></p>"
				+ "<p>If you did not ask for it, ignore this email; nobody can sign in without it.</p>";
		notifications.signInLink(requested.linkId(), requested.patientId(), requested.expiresAt(),
				new Notifications.Message("Your sign-in link for Unknot", text, html, null));
	}

	/** No patient account at the address can use a link: say so, and how to open one. */
	@EventListener
	void on(SignInLinkUnusable unusable) {
		String register = site.link("/register");
		String text = "Hello,\n\nsomeone, probably you, asked for a sign-in link for this address, but no patient "
				+ "account can use one here.\n\nNew to Unknot? Open an account: " + register
				+ "\nStaff sign in with their password and authenticator code.\n\n"
				+ "If you did not ask, ignore this email.\n";
		String html = "<p>Hello,</p><p>someone, probably you, asked for a sign-in link for this address, but no patient "
				+ "account can use one here.</p><p>New to Unknot? <a href=\"" + MessageComposer.esc(register)
				+ "\">Open an account</a>. Staff sign in with their password and authenticator code.</p>"
				+ "<p>If you did not ask, ignore this email.</p>";
		notifications.emailTo(unusable.email(), unusable.linkId(), "sign-in", unusable.expiresAt(),
				new Notifications.Message("Signing in to Unknot", text, html, null));
	}

}
