package org.unknot.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unknot.system.InvalidRequest.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text that PostgreSQL cannot store never gets as far as the database: the NUL character
 * (U+0000) is refused where a request is read, in JSON bodies (naming the field) and in
 * query and form parameters, as a 400 that says why, instead of failing deep inside a
 * write.
 */
@Configuration(proxyBeanMethods = false)
class TextInput {

	static final String NUL_REFUSED = "Text may not contain the NUL character (U+0000).";

	/** Every JSON string read into a request object goes through this. */
	@Bean
	JacksonModule textWithoutNul() {
		return new SimpleModule("text-without-nul").addDeserializer(String.class, new TextDeserializer());
	}

	@Bean
	OncePerRequestFilter parametersWithoutNul(ObjectMapper json) {
		return new ParameterFilter(json);
	}

	static boolean hasNul(String text) {
		return text != null && text.indexOf('\u0000') >= 0;
	}

	private static final class TextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (hasNul(text)) {
				throw context.weirdStringException(text, String.class, NUL_REFUSED);
			}
			return text;
		}

	}

	private static final class ParameterFilter extends OncePerRequestFilter {

		private final ObjectMapper json;

		ParameterFilter(ObjectMapper json) {
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String field = fieldWithNul(request.getParameterMap());
			if (field == null) {
				chain.doFilter(request, response);
				return;
			}
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpStatus.BAD_REQUEST.value(), NUL_REFUSED);
				return;
			}
			ProblemDetail problem = ProblemAnswers.problem(HttpStatus.BAD_REQUEST, "malformed-request", NUL_REFUSED,
					List.of(new FieldProblem(field, NUL_REFUSED)));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
		}

		private static String fieldWithNul(Map<String, String[]> parameters) {
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				if (hasNul(parameter.getKey())) {
					return "(a parameter's name)";
				}
				for (String value : parameter.getValue()) {
					if (hasNul(value)) {
						return parameter.getKey();
					}
				}
			}
			return null;
		}

	}

}
