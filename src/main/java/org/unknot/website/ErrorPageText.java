package org.unknot.website;

/** Plain words for the status of an error page. */
final class ErrorPageText {

	private ErrorPageText() {
	}

	static String title(int status) {
		if (status == 404) {
			return "Page not found";
		}
		if (status == 403) {
			return "This page is not open to you";
		}
		if (status >= 500) {
			return "Something went wrong on our side";
		}
		return "We could not handle that request";
	}

}
