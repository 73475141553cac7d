package org.unknot.audit;

import java.io.PrintStream;

import org.springframework.stereotype.Component;
import org.unknot.system.Command;

/**
 * {@code --unknot.command=verify-audit}: checks the whole audit chain; exit code 1 if
 * broken.
 */
@Component
class VerifyAuditChain implements Command {

	private final AuditLog log;

	VerifyAuditChain(AuditLog log) {
		this.log = log;
	}

	@Override
	public String name() {
		return "verify-audit";
	}

	@Override
	public String description() {
		return "check the audit trail's keyed chain and name the first broken entry";
	}

	@Override
	public int run(PrintStream out) {
		AuditLog.ChainVerdict verdict = log.verify();
		if (verdict.intact()) {
			out.println("Audit chain intact: " + verdict.entries() + " entries sealed" + (verdict.waiting() == 0 ? "."
					: ", " + verdict.waiting() + " written moments ago still to be sealed."));
			return 0;
		}
		out.println("Audit chain BROKEN at entry " + verdict.firstBroken() + ": " + verdict.why() + ".");
		return 1;
	}

}
