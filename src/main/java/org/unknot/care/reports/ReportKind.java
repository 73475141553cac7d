package org.unknot.care.reports;

/**
 * What a report is: news on a plan under way, or the summary written when it ends
 * (completed or discontinued).
 */
public enum ReportKind {

	PROGRESS("Progress report", "progress-report"), DISCHARGE("Discharge summary", "discharge-summary");

	private final String label;

	private final String fileName;

	ReportKind(String label, String fileName) {
		this.label = label;
		this.fileName = fileName;
	}

	public String label() {
		return label;
	}

	/** The start of its PDF's file name, e.g. "progress-report". */
	public String fileName() {
		return fileName;
	}

}
