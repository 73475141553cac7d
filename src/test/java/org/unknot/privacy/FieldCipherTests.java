package org.unknot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTests {

	static final String CONTEXT = "intake.answers:42";
	static final String MARKER = "pain-marker-7f3a";

	@Test
	void opensWhatItSealed() {
		FieldCipher cipher = cipher(Map.of("k1", newKey()), "k1");

		String sealed = cipher.seal("Lower back, 7 of 10, " + MARKER, CONTEXT);

		assertThat(sealed).startsWith("uk1:k1:").doesNotContain(MARKER);
		assertThat(cipher.open(sealed, CONTEXT)).isEqualTo("Lower back, 7 of 10, " + MARKER);
	}

	@Test
	void sealsTheSameTextDifferentlyEachTime() {
		FieldCipher cipher = cipher(Map.of("k1", newKey()), "k1");

		assertThat(cipher.seal(MARKER, CONTEXT)).isNotEqualTo(cipher.seal(MARKER, CONTEXT));
	}

	@Test
	void keepsNullsAsNulls() {
		FieldCipher cipher = cipher(Map.of("k1", newKey()), "k1");

		assertThat(cipher.seal(null, CONTEXT)).isNull();
		assertThat(cipher.open(null, CONTEXT)).isNull();
	}

	@Test
	void refusesAValueMovedToAnotherRow() {
		FieldCipher cipher = cipher(Map.of("k1", newKey()), "k1");
		String sealed = cipher.seal(MARKER, CONTEXT);

		assertThatThrownBy(() -> cipher.open(sealed, "intake.answers:43")).isInstanceOf(FieldCipher.SealBroken.class)
			.hasMessageNotContaining(MARKER);
	}

	@Test
	void refusesAnAlteredValue() {
		FieldCipher cipher = cipher(Map.of("k1", newKey()), "k1");
		String sealed = cipher.seal(MARKER, CONTEXT);
		// a character in the middle: every bit of it is ciphertext (the last one may be
		// only padding bits)
		int middle = sealed.length() - 10;
		char c = sealed.charAt(middle);
		String altered = sealed.substring(0, middle) + (c == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

		assertThatThrownBy(() -> cipher.open(altered, CONTEXT)).isInstanceOf(FieldCipher.SealBroken.class);
		assertThatThrownBy(() -> cipher.open("plain text", CONTEXT)).isInstanceOf(FieldCipher.SealBroken.class);
		assertThatThrownBy(() -> cipher.open("uk1:k1:%%%", CONTEXT)).isInstanceOf(FieldCipher.SealBroken.class);
	}

	@Test
	void opensValuesOfAnOlderKeyAfterRotationAndSealsWithTheNewOne() {
		String oldKey = newKey();
		FieldCipher before = cipher(Map.of("k1", oldKey), "k1");
		String old = before.seal(MARKER, CONTEXT);
		Map<String, String> both = new LinkedHashMap<>();
		both.put("k1", oldKey);
		both.put("k2", newKey());

		FieldCipher after = cipher(both, "k2");

		assertThat(after.open(old, CONTEXT)).isEqualTo(MARKER);
		assertThat(after.underActiveKey(old)).isFalse();
		String fresh = after.seal(MARKER, CONTEXT);
		assertThat(fresh).startsWith("uk1:k2:");
		assertThat(after.underActiveKey(fresh)).isTrue();
	}

	@Test
	void saysWhichKeyIsMissingWithoutShowingTheValue() {
		String sealed = cipher(Map.of("k1", newKey()), "k1").seal(MARKER, CONTEXT);

		assertThatThrownBy(() -> cipher(Map.of("k2", newKey()), "k2").open(sealed, CONTEXT))
			.hasMessageContaining("'k1'")
			.hasMessageNotContaining(MARKER);
	}

	@Test
	void refusesBadKeyConfiguration(@TempDir Path dir) {
		assertThatThrownBy(() -> cipher(Map.of("k1", "not base64!"), "k1")).hasMessageContaining("base64");
		assertThatThrownBy(() -> cipher(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1"))
			.hasMessageContaining("32");
		assertThatThrownBy(() -> cipher(Map.of("k1", newKey()), "k9")).hasMessageContaining("k9");
		assertThatThrownBy(() -> cipher(Map.of("k1", newKey(), "k2", newKey()), null))
			.hasMessageContaining("unknot.encryption.active");
		assertThatThrownBy(() -> FieldKeys.from(new EncryptionProperties(Map.of(), null), true, false, dir))
			.hasMessageContaining("external database");
	}

	@Test
	void keepsAGeneratedKeyBesideALocalDatabaseSoARestartCanRead(@TempDir Path dir) {
		var none = new EncryptionProperties(Map.of(), null);
		String sealed = new FieldCipher(FieldKeys.from(none, false, false, dir)).seal(MARKER, CONTEXT);

		FieldCipher afterRestart = new FieldCipher(FieldKeys.from(none, false, false, dir));

		assertThat(afterRestart.open(sealed, CONTEXT)).isEqualTo(MARKER);
		assertThat(dir.resolve("keys/local1.key")).exists();
	}

	static FieldCipher cipher(Map<String, String> keys, String active) {
		return new FieldCipher(FieldKeys.from(new EncryptionProperties(keys, active), true, false, Path.of(".")));
	}

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
