package org.unknot.video;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.SiteAddress;

/**
 * The join links of video visits. A link carries a 256-bit random token; the meeting room
 * has another random name, so neither can be guessed from the appointment id or from each
 * other.
 */
@Repository
public class VideoLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final VideoProperties properties;

	private final SiteAddress site;

	VideoLinks(JdbcClient jdbc, VideoProperties properties, SiteAddress site) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.site = site;
	}

	/**
	 * The patient's join link for this video visit, created on first use and the same
	 * ever after.
	 */
	@Transactional
	public URI joinLink(UUID appointmentId) {
		jdbc.sql("INSERT INTO video_link (appointment_id, token, room) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(appointmentId, secret(), "unknot-" + secret())
			.update();
		String token = jdbc.sql("SELECT token FROM video_link WHERE appointment_id = ?")
			.param(appointmentId)
			.query(String.class)
			.single();
		return URI.create(site.link("/visits/" + appointmentId + "/join?token=" + token));
	}

	/** The meeting room, if the token is this visit's. */
	public Optional<URI> room(UUID appointmentId, String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT token, room FROM video_link WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> matches(token, rs.getString("token")) ? rs.getString("room") : null)
			.optional()
			.map(room -> URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/" + room));
	}

	private static boolean matches(String given, String stored) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
