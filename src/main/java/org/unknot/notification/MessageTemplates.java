package org.unknot.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The wording of every email and text message, kept as templates under
 * {@code templates/messages/<name>/}: {@code subject.txt}, {@code email.txt} and
 * {@code sms.txt} in Thymeleaf's TEXT mode, {@code email.html} in HTML mode (which
 * escapes what patients typed). The engine is this class's own and no bean: a template
 * engine bean would replace the one Spring Boot configures for the pages.
 */
@Component
class MessageTemplates {

	private static final String FOLDER = "templates/messages/";

	private final ITemplateEngine engine;

	/**
	 * Which messages have a text message: the templates are resources, fixed at build.
	 */
	private final Map<String, Boolean> hasSms = new ConcurrentHashMap<>();

	MessageTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(FOLDER);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.getHtmlTemplateModePatternSpec().addPattern("*.html");
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		this.engine = engine;
	}

	/**
	 * The message {@code name} with these values: its subject and bodies, and its text
	 * message if it has one.
	 */
	Notifications.Message message(String name, Map<String, ?> values) {
		return new Notifications.Message(line(name + "/subject.txt", values), render(name + "/email.txt", values),
				render(name + "/email.html", values), hasSms(name) ? line(name + "/sms.txt", values) : null);
	}

	private boolean hasSms(String name) {
		return hasSms.computeIfAbsent(name, message -> new ClassPathResource(FOLDER + message + "/sms.txt").exists());
	}

	/** A template that writes one line, such as a subject or a text message. */
	String line(String template, Map<String, ?> values) {
		return render(template, values).strip();
	}

	String render(String template, Map<String, ?> values) {
		return engine.process(template, new Context(Locale.US, new HashMap<>(values)));
	}

}
