package org.unknot.care.measures.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.care.measures.OutcomeGroup;
import org.unknot.care.measures.Outcomes;
import org.unknot.system.web.Downloads;

/**
 * The owners' view of outcomes across patients (admins only, as all of /admin): the page
 * with its charts and tables, and the same figures as a spreadsheet.
 */
@Controller
class OutcomesController {

	private final Outcomes outcomes;

	OutcomesController(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	/** One view of the report: its heading, the id its chart is known by, its groups. */
	record View(String id, String heading, String column, List<OutcomeGroup> groups) {
	}

	@GetMapping("/admin/outcomes")
	String outcomes(Model model) {
		Outcomes.Report report = outcomes.report();
		model.addAttribute("report", report);
		model.addAttribute("views", views(report));
		model.addAttribute("smallest", Outcomes.SMALLEST);
		return "measures/outcomes";
	}

	@GetMapping("/admin/outcomes.csv")
	ResponseEntity<byte[]> spreadsheet() {
		return Downloads.csv(OutcomesCsv.of(views(outcomes.report())), "outcomes.csv");
	}

	static List<View> views(Outcomes.Report report) {
		return List.of(new View("by-clinic", "By clinic", "Clinic", report.byClinic()),
				new View("by-practitioner", "By practitioner", "Practitioner", report.byPractitioner()),
				new View("by-service", "By service", "Service", report.byService()));
	}

}
