package org.unknot.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. Without {@code url}, Unknot runs its own PostgreSQL whose files are kept in
 * {@code dataDir/postgres}; {@code ephemeral} makes that a throw-away directory (tests).
 */
@ConfigurationProperties("unknot")
public record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

	public record Db(String url, String user, String password, @DefaultValue("false") boolean ephemeral,
			@DefaultValue("20") int poolSize) {

		public boolean external() {
			return url != null && !url.isBlank();
		}
	}
}
