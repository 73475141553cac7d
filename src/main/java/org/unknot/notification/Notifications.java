package org.unknot.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.patient.PatientId;

/**
 * What other modules may ask of notifications: plan a message of their own in the outbox,
 * inside their transaction.
 */
@Service
public class Notifications {

	private final OutboxMessages outbox;

	private final NotificationPlanner planner;

	private final Clock clock;

	private final MessageTemplates templates;

	Notifications(OutboxMessages outbox, NotificationPlanner planner, Clock clock, MessageTemplates templates) {
		this.outbox = outbox;
		this.planner = planner;
		this.clock = clock;
		this.templates = templates;
	}

	/**
	 * Writes the offer of a freed time to a waiting patient from its templates
	 * ({@code messages/waitlist-offer}), by email and text message.
	 */
	public Message offerMessage(Offer offer) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", offer.givenName());
		values.put("when", offer.when());
		values.put("shortWhen", offer.shortWhen());
		values.put("until", offer.until());
		values.put("place", offer.place());
		values.put("link", offer.link());
		return templates.message("waitlist-offer", values);
	}

	/**
	 * Plans an offer of a freed time to a waiting patient, on each channel they chose;
	 * nothing goes out after {@code expiresAt}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void offer(UUID offerId, PatientId patientId, Instant expiresAt, Message message) {
		planOnTheirChannels(offerId, patientId.value(), MessageKind.WAITLIST_OFFER, "offer", expiresAt, message);
	}

	/**
	 * Plans the email carrying a patient's one-time sign-in link; nothing goes out after
	 * it expires.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void signInLink(UUID linkId, PatientId patientId, Instant expiresAt, Message message) {
		outbox.plan(linkId, patientId.value(), MessageKind.SIGN_IN_LINK, "link", Channel.EMAIL, clock.instant(),
				expiresAt, new OutboxMessages.Prepared(message.subject(), message.text(), message.html()));
	}

	/**
	 * Plans an email to an address that need not belong to a patient yet (registering,
	 * for one); it goes out even to someone who opted out of reminders, since they just
	 * asked for it, and never after {@code expiresAt}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void emailTo(String address, UUID subjectId, String occurrence, Instant expiresAt, Message message) {
		outbox.planTo(address, subjectId, MessageKind.REGISTRATION, occurrence, clock.instant(), expiresAt,
				new OutboxMessages.Prepared(message.subject(), message.text(), message.html()));
	}

	/**
	 * Writes the invitation to answer a questionnaire before a visit from its templates
	 * ({@code messages/questionnaire-due}): a greeting, the link and until when it works;
	 * never the questionnaire's name or anything about the patient's health.
	 */
	public Message questionnaireMessage(String givenName, String link, String until) {
		return templates.message("questionnaire-due", Map.of("name", givenName, "link", link, "until", until));
	}

	/**
	 * Plans the invitation to answer a questionnaire, on each channel the patient chose;
	 * nothing goes out after {@code expiresAt}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void questionnaireDue(UUID requestId, PatientId patientId, Instant expiresAt, Message message) {
		planOnTheirChannels(requestId, patientId.value(), MessageKind.QUESTIONNAIRE_DUE, "request", expiresAt, message);
	}

	/**
	 * Writes the email sharing a report with another provider from its templates
	 * ({@code messages/provider-report}): who shares it, the link and until when it
	 * works; never the patient's name, the report or anything about the patient's health,
	 * since an email can be read on its way.
	 */
	public Message providerReportMessage(String providerName, String sharedBy, String link, String until) {
		return templates.message("provider-report",
				Map.of("name", providerName, "sharedBy", sharedBy, "link", link, "until", until));
	}

	/**
	 * Plans the email sharing a report with a provider's address; nothing goes out after
	 * the link expires.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void providerReport(UUID linkId, String address, Instant expiresAt, Message message) {
		outbox.planTo(address, linkId, MessageKind.PROVIDER_REPORT, "link", clock.instant(), expiresAt,
				new OutboxMessages.Prepared(message.subject(), message.text(), message.html()));
	}

	/**
	 * Writes the news of an online payment that did not go through from its templates
	 * ({@code messages/payment-failed}): the amount still due and where to pay it; never
	 * what it was for beyond "your booking".
	 */
	public Message paymentFailedMessage(String givenName, String amount, String link) {
		return templates.message("payment-failed", Map.of("name", givenName, "amount", amount, "link", link));
	}

	/**
	 * Plans the news of an online payment that did not go through, once, on each channel
	 * the patient chose.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void paymentFailed(UUID failureId, UUID patientId, Message message) {
		planOnTheirChannels(failureId, patientId, MessageKind.PAYMENT_FAILED, "failure", null, message);
	}

	/**
	 * Plans a message due now on each channel the patient chose: the email parts by
	 * email, the text message by SMS.
	 */
	private void planOnTheirChannels(UUID subjectId, UUID patientId, MessageKind kind, String occurrence,
			Instant expiresAt, Message message) {
		for (Channel channel : planner.channels(patientId)) {
			var prepared = channel == Channel.EMAIL
					? new OutboxMessages.Prepared(message.subject(), message.text(), message.html())
					: new OutboxMessages.Prepared(null, message.sms(), null);
			outbox.plan(subjectId, patientId, kind, occurrence, channel, clock.instant(), expiresAt, prepared);
		}
	}

	/**
	 * A message written by its sender: an email subject, plain and HTML bodies, and a
	 * text message.
	 */
	public record Message(String subject, String text, String html, String sms) {
	}

	/**
	 * What an offer of a freed time says, each time already in the clinic's local time.
	 *
	 * @param when the long form, e.g. "Monday 15 March 2027, 10:00 AM EDT
	 * (America/New_York)"
	 * @param shortWhen e.g. "Mon 15 Mar, 10:00 AM EDT"
	 * @param until when the hold ends, e.g. "10:15 AM EDT"
	 * @param place the clinic's name, or null for a video visit
	 * @param link the offer page's link with its token
	 */
	public record Offer(String givenName, String when, String shortWhen, String until, String place, String link) {
	}

}
