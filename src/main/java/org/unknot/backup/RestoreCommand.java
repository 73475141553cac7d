package org.unknot.backup;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.unknot.audit.AuditLog;
import org.unknot.system.Command;

/**
 * {@code --unknot.command=restore --unknot.backup.file=<zip>}: brings a backup back into
 * an empty database (a new data directory, or an empty external database) of the same
 * schema version, then checks the audit chain with this node's audit key.
 */
@Component
class RestoreCommand implements Command {

	private final DatabaseBackup backup;

	private final AuditLog audit;

	private final String file;

	RestoreCommand(DatabaseBackup backup, AuditLog audit, @Value("${unknot.backup.file:}") String file) {
		this.backup = backup;
		this.audit = audit;
		this.file = file;
	}

	@Override
	public String name() {
		return "restore";
	}

	@Override
	public String description() {
		return "restore the backup at unknot.backup.file into an empty database";
	}

	@Override
	public int run(PrintStream out) {
		if (file.isBlank()) {
			out.println("Name the backup to restore: --unknot.backup.file=<path to the zip>. Nothing was restored.");
			return 2;
		}
		BackupManifest restored;
		try {
			restored = backup.restore(Path.of(file).toAbsolutePath());
		}
		catch (BackupRefused refused) {
			out.println(refused.getMessage());
			return 1;
		}
		out.println("Restored " + restored.rows() + " rows of " + restored.tables().size() + " tables, as they were at "
				+ restored.takenAt() + ".");
		AuditLog.ChainVerdict verdict = audit.verify();
		if (!verdict.intact()) {
			out.println("The audit chain does not verify with this node's audit key (entry " + verdict.firstBroken()
					+ ": " + verdict.why() + "). Give the nodes the audit key of the network that made the "
					+ "backup (unknot.audit.key, or keys/audit.key in the data directory) and run verify-audit.");
			return 1;
		}
		out.println("Audit chain intact: " + verdict.entries() + " entries.");
		return 0;
	}

}
