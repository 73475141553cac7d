package org.unknot.insurance;

/** Who pays under a plan; some rules hold for every plan of a kind. */
public enum PayerKind {

	MEDICARE("Medicare"), MEDICARE_ADVANTAGE("Medicare Advantage"), MEDICAID("Medicaid"),
	COMMERCIAL("Commercial insurance"), AUTO_NO_FAULT("Auto insurance (no-fault/PIP)"),
	WORKERS_COMP("Workers' compensation");

	private final String label;

	PayerKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
