package org.unknot.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.ZoneId;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.unknot.catalog.CatalogProperties;
import org.unknot.notification.OutboxMessages;

/**
 * Issue 17, edge 1: the sent messages page answered 404 on the plain start command. It is
 * on unless switched off, and the settings every start reads do not switch it off; the
 * demo profile need not be named for a newcomer to see what patients receive.
 */
class SentMessagesSwitchTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(OutboxMessages.class, () -> mock(OutboxMessages.class))
		.withBean(CatalogProperties.class, () -> new CatalogProperties(ZoneId.of("America/New_York"), "NJ"))
		.withUserConfiguration(SentMessagesController.class);

	@Test
	void thePageIsThereWhenNothingIsSet() {
		context.run(started -> assertThat(started).hasSingleBean(SentMessagesController.class));
	}

	@Test
	void onlyAnExplicitSettingTakesItAway() {
		context.withPropertyValues("unknot.notification.viewer.enabled=false")
			.run(started -> assertThat(started).doesNotHaveBean(SentMessagesController.class));
	}

	@Test
	void thePlainStartDoesNotSwitchItOff() {
		var yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties plain = yaml.getObject();

		assertThat(plain.getProperty("unknot.notification.viewer.enabled", "true")).isEqualTo("true");
	}

}
