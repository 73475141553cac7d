package org.unknot.insurance;

/** Whether a plan pays for a service, with the reason in plain words. */
public record Coverage(boolean covered, String reason) {

	static Coverage notCovered(String reason) {
		return new Coverage(false, reason);
	}
}
