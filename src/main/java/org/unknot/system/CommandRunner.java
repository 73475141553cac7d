package org.unknot.system;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Command} named by {@code unknot.command}, then ends the process with
 * its code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRunner implements ApplicationRunner {

	private final List<Command> commands;

	private final ConfigurableApplicationContext context;

	private final String requested;

	CommandRunner(List<Command> commands, ConfigurableApplicationContext context,
			@Value("${unknot.command:}") String requested) {
		this.commands = commands;
		this.context = context;
		this.requested = requested;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (requested.isBlank()) {
			return;
		}
		int code = commands.stream()
			.filter(command -> command.name().equals(requested))
			.findFirst()
			.map(command -> command.run(System.out))
			.orElseGet(() -> {
				System.out.println("Unknown command '" + requested + "'. Commands: "
						+ commands.stream()
							.map(command -> command.name() + " (" + command.description() + ")")
							.collect(Collectors.joining(", ")));
				return 2;
			});
		System.exit(SpringApplication.exit(context, () -> code));
	}

}
