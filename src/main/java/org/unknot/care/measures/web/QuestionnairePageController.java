package org.unknot.care.measures.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.care.measures.QuestionnaireClosed;
import org.unknot.care.measures.QuestionnaireRequests;
import org.unknot.care.measures.QuestionnaireRequests.Request;
import org.unknot.system.NotFound;
import org.unknot.system.web.FormChange;
import org.unknot.patient.PatientId;

import java.time.Clock;

/**
 * A questionnaire answered by its patient: from the emailed link, without signing in (the
 * token is the key, works once and until it expires), or in the portal. One plain form,
 * no script needed.
 */
@Controller
class QuestionnairePageController {

	private final QuestionnaireRequests requests;

	private final FormChange forms;

	private final Clock clock;

	QuestionnairePageController(QuestionnaireRequests requests, FormChange forms, Clock clock) {
		this.requests = requests;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/questionnaires/{token}")
	String byLink(@PathVariable String token, Model model, HttpServletResponse response) {
		return requests.byToken(token)
			.map(request -> show(request, "/questionnaires/" + token, model, response))
			.orElseGet(() -> unknown(model, response));
	}

	@PostMapping("/questionnaires/{token}")
	String answerByLink(@PathVariable String token, @RequestParam Map<String, String> typed, Model model,
			HttpServletResponse response) {
		return requests.byToken(token)
			.map(request -> answer(request, "/questionnaires/" + token, typed, model, response))
			.orElseGet(() -> unknown(model, response));
	}

	@GetMapping("/account/questionnaires/{id}")
	String inPortal(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Model model,
			HttpServletResponse response) {
		return show(mine(me, id), "/account/questionnaires/" + id, model, response);
	}

	@PostMapping("/account/questionnaires/{id}")
	String answerInPortal(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
		return answer(mine(me, id), "/account/questionnaires/" + id, typed, model, response);
	}

	private String show(Request request, String action, Model model, HttpServletResponse response) {
		if (request.answered() || request.expired(clock.instant())) {
			return closed(new QuestionnaireClosedView(request.answered()), model, response);
		}
		return page(request, action, Map.of(), Map.of(), model);
	}

	private String answer(Request request, String action, Map<String, String> typed, Model model,
			HttpServletResponse response) {
		QuestionnaireForm form = QuestionnaireForm.of(requests.measuresOf(request));
		try {
			return forms.render(messages -> {
				requests.answer(request.id(), form.answers(typed), "patient");
				model.addAttribute("portal", action.startsWith("/account"));
				return "measures/answered";
			}, response, errors -> page(request, action, typed, errors, model));
		}
		catch (QuestionnaireClosed closed) {
			return closed(new QuestionnaireClosedView(closed.answered()), model, response);
		}
	}

	private String page(Request request, String action, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		model.addAttribute("form", QuestionnaireForm.of(requests.measuresOf(request)));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("action", action);
		model.addAttribute("area", action.startsWith("/account") ? "account" : "public");
		return "measures/questionnaire";
	}

	private static String closed(QuestionnaireClosedView view, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("closed", view);
		return "measures/closed";
	}

	private static String unknown(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("closed", null);
		return "measures/closed";
	}

	private Request mine(SignedIn me, UUID id) {
		return requests.ofPatient(id, PatientId.of(me.patientId()))
			.orElseThrow(() -> new NotFound(null, "questionnaire", id.toString()));
	}

	/** Why a questionnaire cannot be answered any more. */
	record QuestionnaireClosedView(boolean answered) {
	}

}
