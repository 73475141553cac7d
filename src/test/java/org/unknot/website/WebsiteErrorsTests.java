package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;
import org.unknot.system.SiteAddress;
import org.unknot.system.web.StorableValues;

import tools.jackson.databind.json.JsonMapper;

/**
 * A website page that fails shows a friendly page with the right status, never the
 * failure itself.
 */
class WebsiteErrorsTests {

	private final Pages pages = new Pages(new SiteAddress(URI.create("https://unknot.example")),
			JsonMapper.builder().build());

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingPages(), new FailingApi())
		.setControllerAdvice(new WebsiteErrors(pages))
		.build();

	@Test
	void anUnexpectedFailureIsA500PageWithoutItsMessage() throws Exception {
		mvc.perform(get("/failing"))
			.andExpect(status().isInternalServerError())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("status", 500))
			.andExpect(model().attribute("detail", (Object) null));
	}

	@Test
	void somethingMissingIsA404PageSayingWhat() throws Exception {
		mvc.perform(get("/missing"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(model().attribute("detail", "There is no clinic 'atlantis'."));
	}

	@Test
	void aRequestBreakingARuleIsA400PageSayingWhy() throws Exception {
		mvc.perform(get("/invalid"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("detail", "Dates must be in the future."));
	}

	@Test
	void aParameterOfTheWrongTypeIsA400Page() throws Exception {
		mvc.perform(get("/typed").param("count", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("detail", "'many' is not a valid value for count."));
	}

	@Test
	void aValueTheDatabaseRefusesIsA400PageNotA500() throws Exception {
		mvc.perform(get("/too-long"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("detail", StorableValues.REFUSED));
	}

	@Test
	void anApiControllersFailureIsLeftToTheApiNotMadeAPage() {
		assertThatThrownBy(() -> mvc.perform(get("/api/failing"))).rootCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theErrorPageApologisesWithoutTechnicalDetail() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		String html = engine.process("error", new Context(null,
				Map.of("status", 500, "meta", pages.meta("Something went wrong on our side", "x", "/failing"))));
		assertThat(html).contains("<h1>Something went wrong on our side</h1>")
			.contains("href=\"/clinics\"")
			.contains("<link rel=\"stylesheet\" href=\"/css/unknot.css\">")
			.doesNotContain("Exception");
	}

	@RestController
	static class FailingApi {

		@GetMapping("/api/failing")
		String failing() {
			throw new IllegalStateException("connection string postgres://secret");
		}

	}

	@Controller
	static class FailingPages {

		@GetMapping("/failing")
		String failing() {
			throw new IllegalStateException("connection string postgres://secret");
		}

		@GetMapping("/missing")
		String missing() {
			throw new NotFound("id", "clinic", "atlantis");
		}

		@GetMapping("/invalid")
		String invalid() {
			throw new InvalidRequest("date", "Dates must be in the future.");
		}

		@GetMapping("/too-long")
		String tooLong() {
			throw new DataIntegrityViolationException("insert failed",
					new SQLException("value too long for type character varying(2)", "22001"));
		}

		@GetMapping("/typed")
		String typed(@RequestParam int count) {
			return "home";
		}

	}

}
