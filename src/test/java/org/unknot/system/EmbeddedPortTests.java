package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded server's fixed port. Systems lend ports from a high range to outgoing
 * connections (Linux 32768-60999, Windows and macOS 49152-65535): a default in that range
 * is now and then held by some program's connection of the moment, and the start is then
 * refused as "port taken".
 */
class EmbeddedPortTests {

	@Test
	void theDefaultLiesBelowThePortsSystemsLendToOutgoingConnections() throws IOException {
		int bound = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("unknot", DatabaseProperties.class)
			.db()
			.embeddedPort();
		Object configured = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.get(0)
			.getProperty("unknot.db.embedded-port");
		Matcher placeholder = Pattern.compile("\\$\\{UNKNOT_DB_EMBEDDED_PORT:(\\d+)}")
			.matcher(String.valueOf(configured));

		assertThat(placeholder.matches()).as("application.yml gives the default: %s", configured).isTrue();
		assertThat(Integer.parseInt(placeholder.group(1))).as("the same default in both places").isEqualTo(bound);
		assertThat(bound).isBetween(1024, 32767);
		Path linuxRange = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
		if (Files.isReadable(linuxRange)) {
			// readAllLines: readString trusts the size /proc gives, 0, and reads one
			// character
			String[] range = Files.readAllLines(linuxRange).get(0).trim().split("\\s+");
			assertThat(bound).as("this machine lends %s-%s", range[0], range[1]).isLessThan(Integer.parseInt(range[0]));
		}
	}

}
