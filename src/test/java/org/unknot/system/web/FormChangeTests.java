package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.unknot.TestNetwork;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.system.DatabaseLogins;
import org.unknot.system.InvalidRequest;

/**
 * A page form's change is all or nothing: a refused change leaves no trace in the
 * database.
 */
@UnknotIntegrationTest
class FormChangeTests {

	@Autowired
	FormChange forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	AsTableOwner owner;

	String table;

	@BeforeEach
	void aTableToWriteTo() {
		table = "form_change_probe_" + TestNetwork.shortId().replace('-', '_');
		owner = AsTableOwner.of(logins);
		owner.jdbc().sql("CREATE TABLE " + table + " (note text)").update();
	}

	@AfterEach
	void dropIt() {
		owner.jdbc().sql("DROP TABLE " + table).update();
	}

	@Test
	void aChangeThatIsMadeIsKeptAndRedirects() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = forms.attempt(messages -> write("kept"), "Saved.", new RedirectAttributesModelMap(), response,
				errors -> "page");

		assertThat(view).isEqualTo("redirect:/admin/probe");
		assertThat(notes()).containsExactly("kept");
	}

	@Test
	void aChangeRefusedForAFieldThatDidNotParseWritesNothingEvenIfTheRestWasAccepted() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = forms.attempt(messages -> {
			Integer price = messages.wholeNumber("price", "twelve");
			return write("half a change, price " + price);
		}, "Saved.", new RedirectAttributesModelMap(), response, shown -> "page with " + shown.keySet());

		assertThat(view).isEqualTo("page with [price]");
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(notes()).isEmpty();
	}

	@Test
	void aChangeTheRulesRefuseAfterWritingWritesNothingAndNamesTheField() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = forms.attempt(messages -> {
			write("before the rule");
			throw new InvalidRequest("name", "Enter the name patients see.");
		}, "Saved.", new RedirectAttributesModelMap(), response, shown -> "page with " + shown);

		assertThat(view).isEqualTo("page with {name=Enter the name patients see.}");
		assertThat(notes()).isEmpty();
	}

	private String write(String note) {
		jdbc.sql("INSERT INTO " + table + " (note) VALUES (?)").param(note).update();
		return "/admin/probe";
	}

	private List<String> notes() {
		return jdbc.sql("SELECT note FROM " + table).query(String.class).list();
	}

}
