package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTests {

	/** The SHA-1 seed of RFC 6238 appendix B, "12345678901234567890". */
	static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheReferenceValuesOfRfc6238() {
		// the RFC lists 8 digits; authenticator apps show the last 6
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void readsBackTheBase32ItWrites() {
		assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(new String(Totp.decode(RFC_SECRET), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.decode(secret))).isEqualTo(secret);
	}

	@Test
	void acceptsOneStepOfClockDriftEitherWay() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);

		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now, 0)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now, 0)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now, 0)).isEmpty();
	}

	@Test
	void refusesACodeUsedBefore() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		String code = Totp.code(RFC_SECRET, now);
		long step = Totp.verify(RFC_SECRET, code, now, 0).orElseThrow();

		assertThat(Totp.verify(RFC_SECRET, code, now.plusSeconds(5), step)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);

		assertThat(Totp.verify(RFC_SECRET, null, now, 0)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "1234567", now, 0)).isEmpty();
	}

	@Test
	void offersAnOtpauthAddressAndAQrCode() {
		TotpEnrolment enrolment = TotpEnrolment.of(RFC_SECRET, "dana@unknot.example", "Unknot");

		assertThat(enrolment.otpauthUri())
			.startsWith("otpauth://totp/Unknot%3Adana%40unknot.example?secret=" + RFC_SECRET + "&issuer=Unknot");
		assertThat(enrolment.qrSvg()).startsWith("<svg").contains("aria-label").endsWith("</svg>");
		assertThat(enrolment.secretForTyping()).isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
	}

}
