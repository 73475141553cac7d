package org.unknot.notification.web;

import org.unknot.catalog.CatalogProperties;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.notification.OutboxMessage;
import org.unknot.notification.OutboxMessages;
import org.unknot.system.NotFound;

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
		List<OutboxMessage> sent = outbox.sentLately(200);
		model.addAttribute("sent", sent);
		model.addAttribute("notSent", outbox.notSent(100));
		model.addAttribute("withCalendar", outbox.withCalendar(sent.stream().map(OutboxMessage::id).toList()));
		model.addAttribute("zone", catalog.virtualZone());
		return "admin/messages";
	}

	/**
	 * The calendar file a sent email carried, byte for byte as the patient's mail program
	 * got it (an invitation, its update or its cancellation); 404 for a message without
	 * one.
	 */
	@GetMapping("/admin/messages/{id}/invitation.ics")
	ResponseEntity<byte[]> calendarFile(@PathVariable UUID id) {
		OutboxMessages.CalendarFile file = outbox.calendarOf(id)
			.orElseThrow(() -> new NotFound(null, "calendar file of message", id.toString()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invitation.ics\"")
			.body(file.content());
	}

}
