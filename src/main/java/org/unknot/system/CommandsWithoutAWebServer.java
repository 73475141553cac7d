package org.unknot.system;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * A command ({@code --unknot.command=...}) opens no port, so it can run beside a serving
 * node with that node's own settings. The application is the same one (its web beans are
 * made, none listens): {@code server.port=-1} is Spring Boot's way of saying so.
 */
public final class CommandsWithoutAWebServer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		String command = event.getEnvironment().getProperty("unknot.command", "");
		if (!command.isBlank()) {
			event.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("unknot-command", Map.of("server.port", "-1")));
		}
	}

}
