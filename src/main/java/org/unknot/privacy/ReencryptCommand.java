package org.unknot.privacy;

import java.io.PrintStream;

import org.springframework.stereotype.Component;
import org.unknot.system.Command;

/** {@code --unknot.command=reencrypt}: moves every sealed value to the active key. */
@Component
class ReencryptCommand implements Command {

	private final Reencryption reencryption;

	ReencryptCommand(Reencryption reencryption) {
		this.reencryption = reencryption;
	}

	@Override
	public String name() {
		return "reencrypt";
	}

	@Override
	public String description() {
		return "re-seal every encrypted field under the active key, so older keys can be retired";
	}

	@Override
	public int run(PrintStream out) {
		out.println("Re-sealed " + reencryption.run() + " values under the active key.");
		return 0;
	}

}
