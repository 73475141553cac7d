package org.unknot.website;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.unknot.system.web.StorableValues;
import org.unknot.system.DomainProblem;

/**
 * The one place where problems in pages (the public site, sign-in, the staff workspace,
 * admin, the patient portal, the pages a message's link opens) become friendly HTML
 * pages, never a stack trace nor the API's JSON problems. A page is what a
 * {@code @Controller} answers; the API's {@code @RestController}s are answered first by
 * the API's advice, and what it leaves goes on as before. Addresses that match no
 * controller are answered by the {@code error/*} templates.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
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
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
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
	ModelAndView unexpected(Exception e, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		if (answersTheApi(handler)) {
			throw e;
		}
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

	/**
	 * An API controller's problem that the API's advice left alone: it reaches the error
	 * controller, which answers machines in RFC 9457 form.
	 */
	private static boolean answersTheApi(HandlerMethod handler) {
		return handler != null && (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| handler.hasMethodAnnotation(ResponseBody.class));
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
