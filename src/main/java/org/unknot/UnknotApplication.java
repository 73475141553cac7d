package org.unknot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.unknot.system.CommandsWithoutAWebServer;

/*
 * Sign-in is Unknot's own (org.unknot.account); Spring Boot's default in-memory user with a generated
 * password would be a second, unaudited way in, so it is not created.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class UnknotApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(UnknotApplication.class);
		application.addListeners(new CommandsWithoutAWebServer());
		application.run(args);
	}

	/**
	 * The recurring jobs (sending, reminders, sweeps, the audit chainer) run on serving
	 * nodes only: a command such as a restore must not send what it is loading, nor sweep
	 * a database it is halfway through.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnExpression("'${unknot.command:}'.isEmpty()")
	static class Scheduling {

	}

}
