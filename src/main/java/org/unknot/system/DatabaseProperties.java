package org.unknot.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. Without {@code url}, Unknot runs its own PostgreSQL whose files
 * are kept in {@code dataDir/postgres}; {@code ephemeral} makes that a throw-away
 * directory (tests). {@code serverSettings} are passed to that embedded server (e.g. to
 * load pg_stat_statements while measuring); they cannot turn fsync or synchronous commit
 * off. {@code embeddedPort} is the embedded server's fixed port, so that tools and other
 * nodes find it after every restart (0: any free port; an ephemeral server always takes a
 * free one). {@code connectionTimeout} is how long a request waits for a connection
 * before it is answered 503 (the database out of reach); {@code embeddedWatch} how often
 * the embedded server is checked, and started again on the same data if it died.
 */
@ConfigurationProperties("unknot")
public record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

	public record Db(String url, String user, String password, @DefaultValue("false") boolean ephemeral,
			@DefaultValue("20") int poolSize, Map<String, String> serverSettings,
			@DefaultValue("25432") int embeddedPort, @DefaultValue("5s") Duration connectionTimeout,
			@DefaultValue("2s") Duration embeddedWatch) {

		@ConstructorBinding
		public Db {
			serverSettings = serverSettings == null ? Map.of() : Map.copyOf(serverSettings);
		}

		public Db(String url, String user, String password, boolean ephemeral, int poolSize,
				Map<String, String> serverSettings, int embeddedPort) {
			this(url, user, password, ephemeral, poolSize, serverSettings, embeddedPort, Duration.ofSeconds(5),
					Duration.ofSeconds(2));
		}

		public boolean external() {
			return url != null && !url.isBlank();
		}
	}
}
