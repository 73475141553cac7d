package org.unknot.system.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.unknot.system.Causes;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest.FieldProblem;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The one place where the API's problems become RFC 9457 answers: 400 for what cannot be
 * read, 404 for what does not exist, 409 for what clashes with the current state, 422 for
 * what breaks a rule. Every answer names the offending fields in {@code errors}. It
 * answers for every {@code @RestController}, before the pages' advice.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAnswers extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	static URI type(String slug) {
		return URI.create("urn:unknot:problem:" + slug);
	}

	/**
	 * A problem answered by a filter, before any controller (and so this advice) is
	 * reached.
	 */
	static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String slug, String detail,
			List<FieldProblem> errors) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("errors", errors);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	@ExceptionHandler(DomainProblem.class)
	ResponseEntity<ProblemDetail> domainProblem(DomainProblem problem) {
		HttpStatus status = switch (problem.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
		};
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
		body.setType(type(problem.type()));
		body.setTitle(title(problem.type()));
		problem.properties().forEach(body::setProperty);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		Object retryAfter = problem.properties().get("retryAfter");
		if (retryAfter != null) {
			answer.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		return answer.body(body);
	}

	/**
	 * PostgreSQL is out of reach: 503 with {@code Retry-After}, so clients and balancers
	 * try again (and readiness reports the database DOWN meanwhile).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
		return outOfReach(e);
	}

	/**
	 * A transaction that could not even be rolled back: out of reach if what failed it
	 * was; anything else goes on to the error controller as before.
	 */
	@ExceptionHandler(TransactionSystemException.class)
	ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e) {
		if (!DatabaseUnavailable.isCause(e)) {
			throw e;
		}
		return outOfReach(e);
	}

	private static ResponseEntity<ProblemDetail> outOfReach(Exception e) {
		log.warn("Database out of reach: {}", e.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
			.body(DatabaseUnavailable.problem());
	}

	/**
	 * Two writers met in the database (a lock timeout or deadlock); nothing was written.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<ProblemDetail> concurrencyFailure(ConcurrencyFailureException e) {
		log.info("Concurrent write refused: {}", e.getMessage());
		ProblemDetail body = problem(HttpStatus.CONFLICT, "concurrent-change",
				"Another change to the same calendar happened at the same moment; please try again.", List.of());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	/**
	 * A value PostgreSQL refused as data (SQLSTATE class 22: too long for its column, out
	 * of range, a character it cannot store) came from the request and was not caught by
	 * a check before: a 400, not a 500. The transaction has rolled back, so nothing was
	 * written.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> unstorableValue(DataIntegrityViolationException e) {
		if (!StorableValues.refusedAsData(e)) {
			throw e;
		}
		log.info("Value refused by the database: {}", StorableValues.sqlState(e));
		return badRequest("malformed-request", StorableValues.REFUSED, List.of());
	}

	/**
	 * The body did not arrive within {@code unknot.web.bodies.deadline}; nothing was
	 * done, and the connection ends with this answer.
	 */
	@ExceptionHandler(SlowBodies.TooSlow.class)
	ResponseEntity<ProblemDetail> tooSlow() {
		return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT)
			.header(HttpHeaders.CONNECTION, "close")
			.body(problem(HttpStatus.REQUEST_TIMEOUT, "body-too-slow",
					"The request body did not arrive in time; please send it again.", List.of()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		String message = "'" + e.getValue() + "' is not a valid value for " + e.getName()
				+ expectedFormat(e.getRequiredType());
		return badRequest("malformed-request", message, List.of(new FieldProblem(e.getName(), message)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (Causes.find(e, SlowBodies.TooSlow.class).isPresent()) {
			ResponseEntity<ProblemDetail> slow = tooSlow();
			return ResponseEntity.status(slow.getStatusCode()).headers(slow.getHeaders()).body(slow.getBody());
		}
		List<FieldProblem> errors = new ArrayList<>();
		String detail = "The request body is not valid JSON of the expected shape.";
		DatabindException databind = Causes.find(e, DatabindException.class).orElse(null);
		if (databind != null && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			detail = "The value of '" + field + "' could not be read.";
			boolean nul = databind instanceof InvalidFormatException format && format.getValue() instanceof String text
					&& TextInput.hasNul(text);
			errors
				.add(new FieldProblem(field, nul ? TextInput.NUL_REFUSED : "This value has the wrong type or format."));
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request", detail, errors));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemAnswers::fieldProblem)
			.toList();
		return ResponseEntity.unprocessableContent()
			.body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Some fields are not valid.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		e.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors
					.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return ResponseEntity.unprocessableContent()
			.body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Some parameters are not valid.",
					errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = "The parameter '" + e.getParameterName() + "' is required.";
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "malformed-request", message,
					List.of(new FieldProblem(e.getParameterName(), message))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
		String message = "The header '" + e.getHeaderName() + "' is required.";
		return badRequest("malformed-request", message, List.of(new FieldProblem(e.getHeaderName(), message)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			log.error("Request failed", ex);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private ResponseEntity<ProblemDetail> badRequest(String slug, String detail, List<FieldProblem> errors) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, slug, detail, errors));
	}

	static ProblemDetail problem(HttpStatus status, String slug, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title(slug));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	private static FieldProblem fieldProblem(FieldError error) {
		return new FieldProblem(error.getField(), error.getDefaultMessage());
	}

	private static String title(String slug) {
		String words = slug.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String expectedFormat(Class<?> type) {
		if (type == null) {
			return ".";
		}
		return switch (type.getSimpleName()) {
			case "LocalDate" -> " (expected a date like 2027-03-15).";
			case "OffsetDateTime" -> " (expected a time like 2027-03-15T09:00:00-04:00).";
			case "UUID" -> " (expected an id like 3f2a…).";
			default -> ".";
		};
	}

}
