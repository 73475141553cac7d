package org.unknot.notification.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.unknot.notification.OutboxMessage;
import org.unknot.notification.OutboxMessages;

/**
 * The sent messages page: what patients received (or, in demo mode, would have received), and what is
 * still to go out or was dropped and why. Only with {@code unknot.notification.viewer.enabled=true};
 * it shows patients' contact details, so it sits under {@code /admin/}, which needs an admin's sign-in.
 */
@RestController
@ConditionalOnProperty(name = "unknot.notification.viewer.enabled", havingValue = "true")
class SentMessagesController {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final OutboxMessages outbox;

	SentMessagesController(OutboxMessages outbox) {
		this.outbox = outbox;
	}

	@GetMapping(path = "/admin/messages", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		List<OutboxMessage> messages = outbox.recent(200);
		StringBuilder html = new StringBuilder("""
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sent messages</title>
				</head><body><main><h1>Sent messages</h1>
				<p>Every email and text message Unknot sent or plans to send, newest first. Without an SMTP server
				or text message provider configured, this page is where they go.</p>""");
		if (messages.isEmpty()) {
			html.append("<p>No messages yet.</p>");
		}
		for (OutboxMessage m : messages) {
			html.append("<article><h2>").append(esc(m.subject() != null ? m.subject() : m.kind() + " by " + m.channel()))
				.append("</h2><p class=\"meta\">")
				.append(esc(m.channel() + " · " + m.kind() + " · " + m.status()))
				.append(m.recipient() == null ? "" : esc(" · to " + m.recipient()))
				.append(m.transport() == null ? "" : esc(" · via " + m.transport()))
				.append(esc(" · " + (m.sentAt() != null ? "sent " + UTC.format(m.sentAt()) : "due " + UTC.format(m.dueAt()))))
				.append(m.droppedWhy() == null ? "" : esc(" · dropped: " + m.droppedWhy()))
				.append(m.lastError() == null ? "" : esc(" · last error: " + m.lastError()))
				.append(esc(" · " + m.messageId()))
				.append("</p>");
			if (m.bodyText() != null) {
				html.append("<pre>").append(esc(m.bodyText())).append("</pre>");
			}
			html.append("</article>");
		}
		return html.append("</main></body></html>").toString();
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}
}
