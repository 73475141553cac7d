package org.unknot.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs: what every operation may answer besides
 * success.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI unknotApi() {
		return new OpenAPI().info(new Info().title("Unknot scheduling API")
			.version("v1")
			.description("Services, locations, practitioners, availability and booking for a clinic network. "
					+ "Errors are RFC 9457 problem documents with field errors in 'errors'.")
			.license(new License().name("Apache-2.0")));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors", new ArraySchema().items(fieldProblem));
	}

	@Bean
	OpenApiCustomizer problemsAndIdempotency() {
		return api -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents().addSchemas("ProblemDetail", problemSchema());
			api.getPaths().values().forEach(ApiDescription::describe);
		};
	}

	private static void describe(PathItem path) {
		path.readOperations().forEach(ApiDescription::problems);
		if (path.getPost() != null) {
			path.getPost()
				.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(false)
					.description("Same key and body replay the first answer; another body is 422; "
							+ "a request still in progress is 409.")
					.schema(new StringSchema().maxLength(255)));
		}
	}

	private static void problems(Operation operation) {
		Schema<?> problem = new Schema<>().$ref("#/components/schemas/ProblemDetail");
		Content content = new Content().addMediaType("application/problem+json", new MediaType().schema(problem));
		operation.getResponses()
			.addApiResponse("400", new ApiResponse().description("Malformed request").content(content))
			.addApiResponse("404", new ApiResponse().description("Something named does not exist").content(content))
			.addApiResponse("422", new ApiResponse().description("The request breaks a rule").content(content));
		if (operation.getOperationId() != null && !operation.getOperationId().startsWith("get")) {
			operation.getResponses()
				.addApiResponse("409",
						new ApiResponse().description("Taken, or clashes with the current state").content(content));
		}
	}

}
