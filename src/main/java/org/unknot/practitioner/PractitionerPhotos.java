package org.unknot.practitioner;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practitioners' photos, as Unknot re-encoded them (see {@link PhotoImages}): admins
 * replace and remove them, the public pages show them. A practitioner without one is
 * shown with a neutral placeholder.
 */
@Repository
public class PractitionerPhotos {

	private final JdbcClient jdbc;

	private final Practitioners practitioners;

	private final Clock clock;

	PractitionerPhotos(JdbcClient jdbc, Practitioners practitioners, Clock clock) {
		this.jdbc = jdbc;
		this.practitioners = practitioners;
		this.clock = clock;
	}

	/** A photo in one size, and the version that names it (for its URL and ETag). */
	public record Photo(byte[] jpeg, String version) {
	}

	/**
	 * Resizes the upload and keeps it as the practitioner's photo in place of any other;
	 * refuses (an {@code InvalidRequest} on field {@code photo}) a file that is too large
	 * or not a JPEG, PNG or WebP picture.
	 */
	@Transactional
	public void replace(PractitionerId practitionerId, byte[] upload) {
		practitioners.get("practitioner", practitionerId);
		PhotoImages.Resized resized = PhotoImages.resize(upload);
		jdbc.sql("""
				INSERT INTO practitioner_photo (practitioner_id, large_jpeg, small_jpeg, version, uploaded_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (practitioner_id) DO UPDATE SET large_jpeg = EXCLUDED.large_jpeg,
				    small_jpeg = EXCLUDED.small_jpeg, version = EXCLUDED.version, uploaded_at = EXCLUDED.uploaded_at""")
			.params(practitionerId.value(), resized.large(), resized.small(), versionOf(resized.large()),
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/**
	 * Refuses an upload of this many bytes, as {@link #replace} would, before it is read
	 * into memory.
	 */
	public void checkSize(long bytes) {
		PhotoImages.checkSize(bytes);
	}

	/**
	 * Removes the photo; the placeholder is shown again. Returns whether there was one.
	 */
	@Transactional
	public boolean remove(PractitionerId practitionerId) {
		return jdbc.sql("DELETE FROM practitioner_photo WHERE practitioner_id = ?")
			.param(practitionerId.value())
			.update() > 0;
	}

	public Optional<Photo> find(PractitionerId practitionerId, PhotoSize size) {
		String column = size == PhotoSize.LARGE ? "large_jpeg" : "small_jpeg";
		return jdbc.sql("SELECT " + column + " AS jpeg, version FROM practitioner_photo WHERE practitioner_id = ?")
			.param(practitionerId.value())
			.query((rs, n) -> new Photo(rs.getBytes("jpeg"), rs.getString("version")))
			.optional();
	}

	/** The version of the practitioner's photo, or empty when they have none. */
	public Optional<String> version(PractitionerId practitionerId) {
		return jdbc.sql("SELECT version FROM practitioner_photo WHERE practitioner_id = ?")
			.param(practitionerId.value())
			.query(String.class)
			.optional();
	}

	private static String versionOf(byte[] jpeg) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
