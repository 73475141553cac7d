package org.unknot.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param loadWhenEmpty load the demo network at start-up into a database that has no
 * clinic yet; set {@code false} in production
 */
@ConfigurationProperties("unknot.demo")
public record DemoProperties(@DefaultValue("true") boolean loadWhenEmpty) {
}
