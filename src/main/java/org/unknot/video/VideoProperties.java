package org.unknot.video;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the meeting server (e.g. a self-hosted Jitsi); a visit's room is a path
 * under it
 * @param opensBefore how long before the start the join link starts to work
 */
@ConfigurationProperties("unknot.video")
public record VideoProperties(@DefaultValue("https://meet.example.org") URI baseUrl,
		@DefaultValue("15m") Duration opensBefore) {
}
