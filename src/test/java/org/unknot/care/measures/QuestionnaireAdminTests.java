package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.UnknotIntegrationTest;

/** Admins add licensed instruments; a wrong definition is refused field by field. */
@UnknotIntegrationTest
class QuestionnaireAdminTests {

	static final String PAGE = "/admin/questionnaires";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Measures measures;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		mvc = SecuredMockMvc.of(context);
	}

	@Test
	void addsAnInstrumentThatIsThenScoredAsDefined() throws Exception {
		String name = "shelf-" + UUID.randomUUID().toString().substring(0, 8);

		var added = mvc
			.perform(post(PAGE).with(SignedInAs.admin())
				.with(csrf())
				.param("definition", Instruments.shelfReach(name, "percentage", 0, 100, "lower-is-better", 20)))
			.andReturn()
			.getResponse();
		var page = mvc.perform(get(PAGE).with(SignedInAs.admin())).andReturn().getResponse();

		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(page.getContentAsString()).contains("Shelf Reach Index").contains("Pain intensity (0 to 10)");
		assertThat(measures.get(name).score(Map.of("reach", 4, "carry", 4))).isEqualTo(100);
	}

	@Test
	void refusesAWrongDefinitionWith422AndEachFieldNamed() throws Exception {
		String wrong = Instruments.shelfReach("shelf-wrong", "sum", 0, 50, "sideways", 3);

		var refused = mvc.perform(post(PAGE).with(SignedInAs.admin()).with(csrf()).param("definition", wrong))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("scoring.max")
			.contains("The answers add up to at most 8, so max is 8.")
			.contains("scoring.direction")
			.contains("Shelf Reach Index");
		assertThat(measures.find("shelf-wrong")).isEmpty();
	}

	@Test
	void refusesTheSameNameTwice() throws Exception {
		String name = "shelf-" + UUID.randomUUID().toString().substring(0, 8);
		String definition = Instruments.shelfReach(name, "sum", 0, 8, "lower-is-better", 3);
		mvc.perform(post(PAGE).with(SignedInAs.admin()).with(csrf()).param("definition", definition));

		var again = mvc.perform(post(PAGE).with(SignedInAs.admin()).with(csrf()).param("definition", definition))
			.andReturn()
			.getResponse();

		assertThat(again.getStatus()).isEqualTo(422);
		assertThat(again.getContentAsString()).contains("exists already");
	}

	@Test
	void isForAdminsOnlyAndLinkedFromTheAdminHome() throws Exception {
		var desk = mvc.perform(get(PAGE).with(SignedInAs.frontDeskOf())).andReturn().getResponse();
		var home = mvc.perform(get("/admin").with(SignedInAs.admin())).andReturn().getResponse();

		assertThat(desk.getStatus()).isEqualTo(403);
		assertThat(home.getContentAsString()).contains("href=\"/admin/questionnaires\"");
	}

}
