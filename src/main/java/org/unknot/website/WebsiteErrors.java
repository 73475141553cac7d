package org.unknot.website;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.unknot.system.web.StorableValues;
import org.unknot.system.DomainProblem;

/**
 * Problems in pages (the public site, sign-in, the staff workspace, admin, the patient
 * portal) become friendly HTML pages, never a stack trace nor the API's JSON problems
 * (which stay with {@code /api/**}). Runs before the API's advice, for website
 * controllers only; addresses that match no controller are answered by the
 * {@code error/*} templates.
 */
@ControllerAdvice(basePackages = { "org.unknot.website", "org.unknot.account.web", "org.unknot.frontdesk.web",
		"org.unknot.admin.web", "org.unknot.portal.web" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebsiteErrors {

	private static final Logger log = LoggerFactory.getLogger(WebsiteErrors.class);

	private final Pages pages;

	WebsiteErrors(Pages pages) {
		this.pages = pages;
	}

	@ExceptionHandler(DomainProblem.class)
	ModelAndView domainProblem(DomainProblem problem, HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = switch (problem.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		return page(status, problem.getMessage(), request, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
			HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".",
				request, response);
	}

	/**
	 * Spring Security answers these itself: a sign-in page for the anonymous, 403 for the
	 * signed-in.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	ModelAndView security(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof ErrorResponse known) {
			HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
			if (status != null && status.is4xxClientError()) {
				return page(status, null, request, response);
			}
		}
		if (StorableValues.refusedAsData(e)) {
			log.info("Value refused by the database on {}: {}", request.getRequestURI(), StorableValues.sqlState(e));
			return page(HttpStatus.BAD_REQUEST, StorableValues.REFUSED, request, response);
		}
		log.error("Website page {} failed", request.getRequestURI(), e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, null, request, response);
	}

	private ModelAndView page(HttpStatus status, String detail, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : "error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		page.addObject("meta", pages.meta(ErrorPageText.title(status.value()), ErrorPageText.title(status.value()),
				request.getRequestURI()));
		return page;
	}

}
