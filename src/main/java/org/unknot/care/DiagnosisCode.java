package org.unknot.care;

/** An ICD-10-CM code and its title, such as M54.2 Cervicalgia. */
public record DiagnosisCode(String code, String title) {

	public DiagnosisCode {
		if (code == null || !code.matches("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?")) {
			throw new IllegalArgumentException("Not an ICD-10-CM code: " + code);
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A diagnosis code has a title: " + code);
		}
	}

	/** "M54.2 Cervicalgia" */
	public String label() {
		return code + " " + title;
	}

}
