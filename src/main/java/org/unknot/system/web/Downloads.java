package org.unknot.system.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document handed to the person who asked for it: saved under its file name, never kept
 * in a shared cache (receipts, statements and superbills name a patient).
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/** A table as comma-separated values (RFC 4180), UTF-8. */
	public static ResponseEntity<byte[]> csv(String csv, String filename) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
