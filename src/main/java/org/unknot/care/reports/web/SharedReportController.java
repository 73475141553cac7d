package org.unknot.care.reports.web;

import java.net.URI;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.unknot.care.reports.ReportLinks;
import org.unknot.system.NotFound;
import org.unknot.system.web.Downloads;

/**
 * The page a provider's link opens: the report to download while the link lives, and
 * plainly that it has expired, or that it was withdrawn, once it no longer does. Nothing
 * about the patient is on the page; a token that was never handed out opens nothing.
 */
@Controller
class SharedReportController {

	private final ReportLinks links;

	private final Clock clock;

	SharedReportController(ReportLinks links, Clock clock) {
		this.links = links;
		this.clock = clock;
	}

	@GetMapping("/reports/shared/{token}")
	String page(@PathVariable String token, HttpServletResponse response, Model model) {
		ReportLinks.Link link = links.byToken(token).orElseThrow(SharedReportController::unknown);
		boolean withdrawn = link.revoked();
		boolean expired = !withdrawn && link.expired(clock.instant());
		if (withdrawn || expired) {
			response.setStatus(HttpStatus.GONE.value());
		}
		else {
			links.opened(link);
		}
		model.addAttribute("withdrawn", withdrawn);
		model.addAttribute("expired", expired);
		model.addAttribute("until", links.until(link));
		model.addAttribute("provider", link.providerName());
		model.addAttribute("token", token);
		return "care/shared-report";
	}

	/**
	 * The PDF while the link lives; once expired or withdrawn, back to the page that says
	 * so.
	 */
	@GetMapping("/reports/shared/{token}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request) {
		links.byToken(token).orElseThrow(SharedReportController::unknown);
		return links.download(token, request.getRemoteAddr())
			.map(pdf -> Downloads.pdf(pdf.bytes(), pdf.fileName()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SEE_OTHER).location(page(token)).build());
	}

	private static URI page(String token) {
		return UriComponentsBuilder.fromPath("/reports/shared/{token}").buildAndExpand(token).encode().toUri();
	}

	private static NotFound unknown() {
		return new NotFound(null, "report link", "given");
	}

}
