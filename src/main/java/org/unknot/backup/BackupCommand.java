package org.unknot.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.unknot.system.Command;

/**
 * {@code --unknot.command=backup [--unknot.backup.file=<zip>]}: one consistent backup of
 * the whole database, while nodes keep serving. Without a file named, it is written to
 * {@code unknot-backup-<UTC time>.zip} in the working directory.
 */
@Component
class BackupCommand implements Command {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DatabaseBackup backup;

	private final Clock clock;

	private final String file;

	BackupCommand(DatabaseBackup backup, Clock clock, @Value("${unknot.backup.file:}") String file) {
		this.backup = backup;
		this.clock = clock;
		this.file = file;
	}

	@Override
	public String name() {
		return "backup";
	}

	@Override
	public String description() {
		return "write a consistent backup of the whole database to unknot.backup.file";
	}

	@Override
	public int run(PrintStream out) {
		Path target = Path.of(file.isBlank() ? "unknot-backup-" + STAMP.format(clock.instant()) + ".zip" : file)
			.toAbsolutePath();
		BackupManifest written;
		try {
			written = backup.write(target);
		}
		catch (BackupRefused refused) {
			out.println(refused.getMessage());
			return 1;
		}
		out.println("Backed up " + written.rows() + " rows of " + written.tables().size() + " tables (schema version "
				+ written.schemaVersion() + ", as of " + written.takenAt() + ") to " + target + ".");
		out.println("It holds health information: keep it as safe as the database. The encryption keys and the "
				+ "audit key are not in it; a restore needs them (see docs/operations.md, Backups).");
		return 0;
	}

}
