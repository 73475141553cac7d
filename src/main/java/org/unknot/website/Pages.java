package org.unknot.website;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.unknot.system.SiteAddress;

import tools.jackson.databind.ObjectMapper;

/**
 * Builds the head of each page: canonical address from the configured base URL, and
 * JSON-LD.
 */
@Component
public class Pages {

	private final SiteAddress site;

	private final ObjectMapper json;

	Pages(SiteAddress site, ObjectMapper json) {
		this.site = site;
		this.json = json;
	}

	public PageMeta meta(String title, String description, String path) {
		return new PageMeta(title, description, site.link(path), "website", null);
	}

	public String absolute(String path) {
		return site.link(path);
	}

	public SiteAddress site() {
		return site;
	}

	/**
	 * Schema.org data as JSON, with {@code <} escaped so that no text in it can close the
	 * script element it is placed in.
	 */
	public String jsonLd(Map<String, Object> data) {
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

}
