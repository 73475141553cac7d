package org.unknot.website;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;
import org.unknot.content.Articles;

@Controller
class HomeController {

	private final CareServices services;

	private final Clinics clinics;

	private final Articles articles;

	private final Pages pages;

	HomeController(CareServices services, Clinics clinics, Articles articles, Pages pages) {
		this.services = services;
		this.clinics = clinics;
		this.articles = articles;
		this.pages = pages;
	}

	@GetMapping("/")
	String home(Model model) {
		List<ServiceKinds.Kind> kinds = ServiceKinds.group(services.all());
		model.addAttribute("kinds", kinds);
		model.addAttribute("clinics", clinics.all().stream().map(ClinicView::new).toList());
		model.addAttribute("articles", articles.shelf().all().stream().limit(3).toList());
		model.addAttribute("meta", pages.meta("Massage, physical therapy and pain care near you",
				"Unknot clinics offer massage therapy, physical therapy and pain medicine, with video visits. Read about your pain, then book online in a minute.",
				"/"));
		return "home";
	}

}
