package org.unknot.care.measures.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.care.measures.Outcomes;

/** The owners' view of outcomes across patients (admins only, as all of /admin). */
@Controller
class OutcomesController {

	private final Outcomes outcomes;

	OutcomesController(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	@GetMapping("/admin/outcomes")
	String outcomes(Model model) {
		model.addAttribute("groups", outcomes.byClinicAndService());
		model.addAttribute("smallest", Outcomes.SMALLEST);
		model.addAttribute("pgicLabels", java.util.List.of("Much worse", "Worse", "A little worse", "About the same",
				"A little better", "Better", "Much better"));
		return "measures/outcomes";
	}

}
