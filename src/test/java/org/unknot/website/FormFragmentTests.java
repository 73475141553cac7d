package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.unknot.system.web.Choice;

/**
 * The form fragments other pages build on: label, hint, error tied to the control, value
 * kept.
 */
class FormFragmentTests {

	private final SpringTemplateEngine engine = engine();

	@Test
	void aFieldWithAnErrorIsMarkedInvalidAndDescribedByHintAndError() {
		String html = render(
				"""
						<div th:replace="~{fragments/form :: field(name='email', label='Email', type='email', value=${typed},
						     error=${errors['email']}, hint='We send the confirmation here.', autocomplete='email', required=true)}"></div>""",
				Map.of("typed", "ada@", "errors", Map.of("email", "Enter an email address like name@example.org.")));
		assertThat(html).contains("<label class=\"field__label\" for=\"email\">Email</label>")
			.contains("id=\"email-hint\"")
			.contains("<p class=\"field__error\" id=\"email-error\">")
			.contains("Enter an email address like name@example.org.")
			.contains("value=\"ada@\"")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"email-hint email-error\"")
			.contains("autocomplete=\"email\"")
			.contains("required=\"required\"")
			.contains("field--invalid");
	}

	@Test
	void aValidFieldHasNoErrorAttributes() {
		String html = render(
				"""
						<div th:replace="~{fragments/form :: field(name='phone', label='Phone', type='tel', value=${typed})}"></div>""",
				Map.of("typed", "(973) 555-0100"));
		assertThat(html).contains("type=\"tel\"")
			.contains("value=\"(973) 555-0100\"")
			.doesNotContain("aria-invalid")
			.doesNotContain("aria-describedby")
			.doesNotContain("field__error")
			.doesNotContain("required");
	}

	@Test
	void aSelectKeepsTheChoiceAndTiesItsError() {
		String html = render("""
				<div th:replace="~{fragments/form :: select(name='clinic', label='Clinic', options=${options},
				     selected='b', emptyLabel='Any clinic', error='Choose a clinic from the list.')}"></div>""",
				Map.of("options", List.of(new org.unknot.system.web.Choice("a", "Montclair"),
						new org.unknot.system.web.Choice("b", "Hoboken"))));
		assertThat(html).contains("<option value=\"\">Any clinic</option>")
			.contains("<option value=\"b\" selected=\"selected\">Hoboken</option>")
			.contains("<option value=\"a\">Montclair</option>")
			.contains("aria-describedby=\"clinic-error\"")
			.contains("aria-invalid=\"true\"");
	}

	@Test
	void theErrorSummaryLinksToEachFieldAndIsOmittedWithoutErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("email", "Enter your email.");
		errors.put("phone", "Enter your phone number.");
		String html = render("<div th:replace=\"~{fragments/form :: error-summary(errors=${errors})}\"></div>",
				Map.of("errors", errors));
		assertThat(html).contains("role=\"alert\"").contains("<a href=\"#email\">Enter your email.</a>");
		assertThat(html.indexOf("#email")).isLessThan(html.indexOf("#phone"));
		assertThat(render("<div th:replace=\"~{fragments/form :: error-summary(errors=${errors})}\"></div>",
				Map.of("errors", Map.of())))
			.doesNotContain("error-summary");
	}

	@Nested
	class ChoiceCards {

		static final String WHERE = """
				<fieldset th:replace="~{fragments/form :: choice-cards(name='where', legend='Where?', error=${error},
				          legendHidden=${hidden}, cards=~{::cards})}">
				  <th:block th:fragment="cards" th:each="option, o : ${options}">
				    <div th:replace="~{fragments/form :: choice-card(name='where', value=${option.value}, first=${o.first},
				         checked=${option.value == chosen}, label=${option.label}, detail=${details[option.value]},
				         more=${more})}"></div>
				  </th:block>
				</fieldset>""";

		static final List<Choice> CLINICS = List.of(new Choice("a", "Montclair"), new Choice("b", "Hoboken"));

		@Test
		void tieTheirErrorToTheFieldsetAndKeepTheChoice() {
			String html = render(WHERE, Map.of("error", "Choose where.", "options", CLINICS, "chosen", "b", "details",
					Map.of("a", "1 Bloomfield Ave", "b", "2 Washington St"), "more", ""));

			assertThat(html).contains("<fieldset class=\"choices field--invalid\" aria-describedby=\"where-error\">")
				.contains("<legend>Where?</legend>")
				.contains("<p class=\"field__error\" id=\"where-error\"><span class=\"visually-hidden\">Error: </span>"
						+ "<span>Choose where.</span></p>")
				.containsPattern("<input type=\"radio\" name=\"where\" id=\"where-b\" value=\"b\"[^>]*checked")
				.doesNotContainPattern("id=\"where\" value=\"a\"[^>]*checked")
				.contains("<label for=\"where-b\">")
				.contains("<span class=\"choice__detail\" id=\"where-b-detail\">2 Washington St</span>")
				.doesNotContain("choice__bio");
		}

		@Test
		void giveTheFirstCardTheFieldsNameSoTheErrorSummaryLandsOnIt() {
			String html = render(WHERE, Map.of("error", "Choose where.", "options", CLINICS, "chosen", "", "details",
					Map.of("a", "1 Bloomfield Ave", "b", "2 Washington St"), "more", ""));

			assertThat(html).containsPattern("id=\"where\" value=\"a\"[^>]*aria-describedby=\"where-a-detail\"")
				.contains("<label for=\"where\">")
				.contains("id=\"where-b\" value=\"b\"");
		}

		@Test
		void withoutAnErrorOrADetailDescribeNothingAndMayHideTheLegend() {
			String html = render(WHERE, Map.of("hidden", true, "options", CLINICS, "chosen", "a", "details", Map.of(),
					"more", "Trained in Osaka."));

			assertThat(html).contains("<fieldset class=\"choices\">")
				.contains("<legend class=\"visually-hidden\">Where?</legend>")
				.doesNotContain("aria-describedby")
				.doesNotContain("field__error")
				.doesNotContain("class=\"choice__detail\"")
				.contains("<span class=\"choice__detail choice__bio\">Trained in Osaka.</span>");
		}

	}

	private String render(String template, Map<String, Object> variables) {
		return engine.process(template, new Context(null, variables));
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
		files.setPrefix("templates/");
		files.setSuffix(".html");
		files.setTemplateMode(TemplateMode.HTML);
		files.setResolvablePatterns(Set.of("fragments/*"));
		files.setOrder(1);
		StringTemplateResolver strings = new StringTemplateResolver();
		strings.setOrder(2);
		engine.addTemplateResolver(files);
		engine.addTemplateResolver(strings);
		return engine;
	}

}
