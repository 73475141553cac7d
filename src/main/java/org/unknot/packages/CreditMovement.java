package org.unknot.packages;

import java.time.Instant;
import java.util.UUID;

/** One row of a holding's ledger. */
public record CreditMovement(int seq, Kind kind, int credits, int balanceAfter, UUID appointmentId, Instant at) {

	public enum Kind {

		BOUGHT("Bought"), SPENT("Spent on a visit"), RETURNED("Returned: visit cancelled in time"), EXPIRED("Expired");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
