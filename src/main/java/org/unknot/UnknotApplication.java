package org.unknot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/*
 * Sign-in is Unknot's own (org.unknot.account); Spring Boot's default in-memory user with a generated
 * password would be a second, unaudited way in, so it is not created.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class UnknotApplication {

	public static void main(String[] args) {
		SpringApplication.run(UnknotApplication.class, args);
	}

}
