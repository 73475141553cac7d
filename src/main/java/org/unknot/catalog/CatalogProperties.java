package org.unknot.catalog;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param virtualZone the zone in which the dates of video visits are read
 * @param virtualState the state whose licence a practitioner needs for a video visit
 */
@ConfigurationProperties("unknot.catalog")
public record CatalogProperties(@DefaultValue("America/New_York") ZoneId virtualZone,
		@DefaultValue("NJ") String virtualState) {
}
