package org.unknot.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param url where patients and staff reach this Unknot; links in messages start with it */
@ConfigurationProperties("unknot.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI url) {

	/** An absolute link to a path of this site. */
	public String link(String path) {
		return url.toString().replaceAll("/+$", "") + path;
	}
}
