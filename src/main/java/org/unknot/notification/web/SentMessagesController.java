package org.unknot.notification.web;

import org.unknot.catalog.CatalogProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.notification.OutboxMessages;

/**
 * The sent messages page: what patients received (or, in demo mode, would have received),
 * and what is still to go out or was dropped and why. On unless
 * {@code unknot.notification.viewer.enabled=false}: the admin home links it, and a start
 * without an SMTP server keeps its emails here. It shows patients' contact details, so it
 * sits under {@code /admin/}, which needs an admin's sign-in.
 */
@Controller
@ConditionalOnProperty(name = "unknot.notification.viewer.enabled", havingValue = "true", matchIfMissing = true)
class SentMessagesController {

	private final OutboxMessages outbox;

	private final CatalogProperties catalog;

	SentMessagesController(OutboxMessages outbox, CatalogProperties catalog) {
		this.outbox = outbox;
		this.catalog = catalog;
	}

	@GetMapping("/admin/messages")
	String page(Model model) {
		model.addAttribute("sent", outbox.sentLately(200));
		model.addAttribute("notSent", outbox.notSent(100));
		model.addAttribute("zone", catalog.virtualZone());
		return "admin/messages";
	}

}
