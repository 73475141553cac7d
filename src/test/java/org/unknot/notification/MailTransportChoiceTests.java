package org.unknot.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Emails go over SMTP with host, port, credentials and TLS taken from
 * {@code spring.mail.*}; without a host they go to the sent messages page, which the demo
 * profile switches on.
 */
class MailTransportChoiceTests {

	@RegisterExtension
	static GreenMailExtension smtps = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("clinic@unknot.example", "clinic", "s3cret"));

	final ApplicationContextRunner mail = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

	@Test
	void withoutAnSmtpHostEmailsAreKeptForTheSentMessagesPage() {
		mail.run(context -> {
			EmailTransport transport = new NotificationConfiguration()
				.emailTransport(context.getBeanProvider(JavaMailSender.class));

			assertThat(transport).isInstanceOf(ViewerEmailTransport.class);
			assertThat(transport.name()).isEqualTo("viewer");
		});
	}

	@Test
	void withAnSmtpHostEmailsGoOverTlsWithTheConfiguredCredentials() {
		smtpsWithPassword("s3cret").run(context -> {
			EmailTransport transport = new NotificationConfiguration()
				.emailTransport(context.getBeanProvider(JavaMailSender.class));

			transport.send(email("<tls-test@unknot>"));

			assertThat(transport.name()).isEqualTo("smtp");
			MimeMessage received = smtps.getReceivedMessages()[0];
			assertThat(received.getMessageID()).isEqualTo("<tls-test@unknot>");
			assertThat(received.getSubject()).isEqualTo("Over TLS");
		});
	}

	@Test
	void theConfiguredCredentialsAreReallyUsed() {
		smtpsWithPassword("wrong").run(context -> {
			EmailTransport transport = new NotificationConfiguration()
				.emailTransport(context.getBeanProvider(JavaMailSender.class));

			assertThatThrownBy(() -> transport.send(email("<refused@unknot>")))
				.isInstanceOf(MailAuthenticationException.class);
		});
	}

	@Test
	void theSentMessagesPageIsOnWithoutAnySetting() {
		NotificationProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("unknot.notification", NotificationProperties.class);

		assertThat(defaults.viewer().enabled()).isTrue();
	}

	@Test
	void theDemoProfileShowsTheSentMessagesPageAndConfiguresNoSmtpServer() {
		var yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application-demo.yml"));
		Properties demo = yaml.getObject();

		assertThat(demo.getProperty("unknot.notification.viewer.enabled")).isEqualTo("true");
		assertThat(demo.getProperty("spring.mail.host")).isNull();
	}

	ApplicationContextRunner smtpsWithPassword(String password) {
		return mail.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtps.getSmtps().getPort(),
				"spring.mail.username=clinic", "spring.mail.password=" + password, "spring.mail.ssl.enabled=true",
				// GreenMail's self-signed certificate names no host: trusted here only,
				// for this test's server
				"spring.mail.properties.mail.smtp.ssl.trust=127.0.0.1", "spring.mail.ssl.verify-hostname=false",
				"spring.mail.properties.mail.smtp.ssl.checkserveridentity=false",
				"spring.mail.properties.mail.smtp.auth=true", "spring.mail.properties.mail.smtp.connectiontimeout=5000",
				"spring.mail.properties.mail.smtp.timeout=5000");
	}

	static EmailTransport.OutgoingEmail email(String messageId) {
		return new EmailTransport.OutgoingEmail(messageId, "Unknot <appointments@unknot.example>", "ada@example.org",
				"Over TLS", "Hello", "<p>Hello</p>",
				"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8),
				"text/calendar; method=REQUEST");
	}

}
