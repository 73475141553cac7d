package org.unknot.patient;

import java.util.Locale;
import java.util.Objects;

/**
 * How a patient wants to hear from the practice: by email, by text message, or both; or
 * not at all.
 */
public record NotificationPreference(Channels channels, boolean optedOut) {

	public NotificationPreference {
		Objects.requireNonNull(channels, "channels");
	}

	public static final NotificationPreference DEFAULT = new NotificationPreference(Channels.EMAIL, false);

	public boolean email() {
		return !optedOut && channels != Channels.SMS;
	}

	public boolean sms() {
		return !optedOut && channels != Channels.EMAIL;
	}

	public enum Channels {

		EMAIL, SMS, BOTH;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Channels ofCode(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}
}
