package org.unknot.notification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.notification.MessagePreviews;

/**
 * The message templates page: every kind of message, by email and by text message,
 * written about a fictional patient. It holds nobody's data, but the wording is the
 * admins' to check, so it sits under {@code /admin/}.
 */
@Controller
class MessageTemplatesController {

	private final MessagePreviews previews;

	MessageTemplatesController(MessagePreviews previews) {
		this.previews = previews;
	}

	@GetMapping("/admin/messages/templates")
	String page(Model model) {
		model.addAttribute("previews", previews.all());
		return "admin/message-templates";
	}

}
