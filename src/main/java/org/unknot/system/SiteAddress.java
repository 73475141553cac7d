package org.unknot.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where patients and staff reach this Unknot ({@code unknot.site.base-url},
 * {@code UNKNOT_BASE_URL}): the one binding of that setting, for links in messages and
 * feeds and for the website's canonical addresses, Open Graph, JSON-LD and sitemap (never
 * for requests).
 */
@ConfigurationProperties("unknot.site")
public record SiteAddress(@DefaultValue("http://localhost:8080") URI baseUrl) {

	/** An absolute link to a path of this site. */
	public String link(String path) {
		return baseUrl.toString().replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
	}
}
