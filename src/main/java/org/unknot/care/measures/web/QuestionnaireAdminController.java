package org.unknot.care.measures.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.QuestionnaireDefinitions;
import org.unknot.system.web.FormChange;

/**
 * Outcome measures for admins: the built-in ones, and adding an instrument the clinic
 * holds a licence for from its definition.
 */
@Controller
class QuestionnaireAdminController {

	private final QuestionnaireDefinitions definitions;

	private final FormChange forms;

	QuestionnaireAdminController(QuestionnaireDefinitions definitions, FormChange forms) {
		this.definitions = definitions;
		this.forms = forms;
	}

	@GetMapping("/admin/questionnaires")
	String list(Model model) {
		return page("", Map.of(), model);
	}

	@PostMapping("/admin/questionnaires")
	String add(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String definition, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return forms.answer(messages -> {
			var measure = definitions.add(definition, "account:" + me.accountId());
			return new FormChange.Made("/admin/questionnaires",
					measure.title() + " added: plans can now take it, and it is scored as defined.");
		}, redirect, response, errors -> page(definition, errors, model));
	}

	private String page(String definition, Map<String, String> errors, Model model) {
		model.addAttribute("builtIn", BuiltInMeasures.ALL);
		model.addAttribute("added", definitions.all());
		model.addAttribute("definition", definition);
		model.addAttribute("errors", errors);
		return "measures/admin";
	}

}
