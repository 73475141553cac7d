package org.unknot.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

/**
 * Started by {@link RestartAfterCrashTests} as a JVM of its own: starts the embedded
 * PostgreSQL on a data directory, writes a row, says so with a file, and waits to be
 * killed.
 */
final class EmbeddedServerInAChildJvm {

	private EmbeddedServerInAChildJvm() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		int port = Integer.parseInt(args[1]);
		EmbeddedServer server = EmbeddedServer.start(
				new DatabaseProperties(dataDir, new DatabaseProperties.Db(null, null, null, false, 2, Map.of(), port)));
		try (var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE visit (note text)");
			statement.execute("INSERT INTO visit VALUES ('booked before the crash')");
		}
		Files.writeString(dataDir.resolve("ready"), "ready");
		Thread.sleep(Long.MAX_VALUE);
	}

}
