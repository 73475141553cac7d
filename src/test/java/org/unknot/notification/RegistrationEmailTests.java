package org.unknot.notification;

import org.unknot.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Registrations;

/**
 * The email answering a registration goes to an address that is no patient's yet, through
 * the same outbox and dispatcher as every other message, once.
 */
@UnknotIntegrationTest
class RegistrationEmailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	ApplicationContext context;

	@Autowired
	Registrations registrations;

	OutboxDispatcher dispatcher;

	@BeforeEach
	void setUp() {
		dispatcher = new OutboxFixture(context).dispatcher("registration-test", new MovableClock(),
				OutboxFixture.smtp(smtp.getSmtp().getPort()), new RecordingSmsTransport());
	}

	@Test
	void reachesAnAddressThatIsNoPatientsOnceWithItsLink() throws Exception {
		String email = "newcomer-" + UUID.randomUUID() + "@example.org";

		registrations.request(email);
		dispatcher.dispatchDue();
		dispatcher.dispatchDue();

		List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getAllRecipients()[0].toString().contains(email);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
		assertThat(mails).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).isEqualTo("Open your Unknot account");
			MailParts parts = MailParts.of(mail);
			assertThat(parts.text()).containsPattern("/register/[A-Za-z0-9_-]{43}");
			assertThat(parts.html()).containsPattern("href=\"[^\"]*/register/[A-Za-z0-9_-]{43}\"");
		});
	}

}
