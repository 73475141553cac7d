package org.unknot.website;

/**
 * What the head of a page says about it: title, description, canonical address, Open
 * Graph type and optional JSON-LD (already serialised, safe to put inside a script
 * element).
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType, String jsonLd) {

	public PageMeta withJsonLd(String jsonLd) {
		return new PageMeta(title, description, canonicalUrl, ogType, jsonLd);
	}

	public PageMeta withOgType(String ogType) {
		return new PageMeta(title, description, canonicalUrl, ogType, jsonLd);
	}
}
