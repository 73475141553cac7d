package org.unknot.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reminders how long before a visit reminders go out; each is an exact instant, so
 * a reminder "48 hours before" is 48 real hours before across a daylight saving change
 * @param from the sender of emails
 * @param dispatcher how the outbox is worked through
 * @param viewer the sent messages page under /admin (admins only): on unless turned off,
 * so that a start without an SMTP server still shows what patients receive
 * @param sms the text message provider; without an endpoint, texts are only recorded
 */
@ConfigurationProperties("unknot.notification")
public record NotificationProperties(@DefaultValue( {
		"48h", "2h" }) List<Duration> reminders, @DefaultValue("Unknot <appointments@unknot.example>") String from,
		@DefaultValue Dispatcher dispatcher, @DefaultValue Viewer viewer, @DefaultValue Sms sms){

	/**
	 * @param enabled whether this instance works the outbox on a schedule
	 * @param lease how long a claimed message is reserved for its dispatcher; a
	 * dispatcher that died mid-send gives it up when this runs out
	 * @param firstRetry the wait after the first failure; it doubles with each further
	 * one, up to {@code maxRetry}
	 */
	public record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
			@DefaultValue("20") int batch, @DefaultValue("2m") Duration lease, @DefaultValue("8") int maxAttempts,
			@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry) {
	}

	public record Viewer(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * @param endpoint the provider's HTTP endpoint that accepts a JSON message; unset:
	 * texts are recorded for the sent messages page instead
	 */
	public record Sms(URI endpoint, String username, String password, @DefaultValue("Unknot") String sender,
			@DefaultValue("10s") Duration timeout) {
	}
}
