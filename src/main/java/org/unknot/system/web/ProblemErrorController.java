package org.unknot.system.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Errors that never reach a controller (a path that does not exist, a method a path does
 * not take, a failure in a filter) still answer machines in RFC 9457 form; browsers
 * asking for HTML keep getting the site's error pages. Nothing of the exception's
 * internals is ever shown.
 */
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, new ErrorProperties(), errorViewResolvers);
	}

	/**
	 * A failure that says the database is out of reach (from a filter, or a page) is a
	 * 503, for pages too, and not a 500.
	 */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure instanceof Throwable thrown && DatabaseUnavailable.isCause(thrown)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return super.getStatus(request);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> attributes = getErrorAttributes(request,
				ErrorAttributeOptions.of(ErrorAttributeOptions.Include.PATH));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemAnswers.type(slug(status)).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status, attributes.get("path")));
		if (attributes.get("path") != null) {
			problem.put("instance", attributes.get("path"));
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER);
		}
		return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String slug(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case SERVICE_UNAVAILABLE -> "database-unavailable";
			default -> status.is4xxClientError() ? "malformed-request" : "server-error";
		};
	}

	private static String detail(HttpStatus status, Object path) {
		return switch (status) {
			case NOT_FOUND -> "Nothing exists at " + path + ".";
			case METHOD_NOT_ALLOWED -> path + " does not take this method.";
			case SERVICE_UNAVAILABLE -> DatabaseUnavailable.DETAIL;
			default -> status.is5xxServerError() ? "Something went wrong on our side; nothing was changed by it."
					: status.getReasonPhrase() + ".";
		};
	}

}
