package org.unknot.account.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.unknot.account.OffSiteForms;

/**
 * Each page's content security policy: scripts, styles, images, fonts and requests from
 * this site only, no framing, and forms sent here only, except that a page whose forms
 * lead to another origin (see {@link OffSiteForms}) may send them there as well.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	private static final String SELF = "'self'";

	private final List<OffSiteForms> offSite;

	ContentSecurityPolicy(List<OffSiteForms> offSite) {
		this.offSite = List.copyOf(offSite);
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, forPage(request));
		}
	}

	String forPage(HttpServletRequest page) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; form-action " + formTargets(page)
				+ "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
	}

	private String formTargets(HttpServletRequest page) {
		Stream<String> elsewhere = offSite.stream().map(forms -> forms.originFor(page)).flatMap(Optional::stream);
		return Stream.concat(Stream.of(SELF), elsewhere).distinct().collect(Collectors.joining(" "));
	}

}
