package org.unknot.backup;

/**
 * A backup or restore that cannot be done as asked; the message says why and what to do,
 * for the operator who ran the command. Nothing was changed.
 */
class BackupRefused extends RuntimeException {

	BackupRefused(String why) {
		super(why);
	}

}
