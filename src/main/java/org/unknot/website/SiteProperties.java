package org.unknot.website;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address of the site, used for canonical URLs, Open Graph,
 * JSON-LD and the sitemap (never for requests)
 */
@ConfigurationProperties("unknot.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {

	/** The absolute address of a path on this site. */
	public String absolute(String path) {
		String base = baseUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}
}
