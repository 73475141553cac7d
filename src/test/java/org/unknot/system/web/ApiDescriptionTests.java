package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unknot.UnknotIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@UnknotIntegrationTest
class ApiDescriptionTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void describesEveryEndpointWithItsProblemsAndIdempotencyKey() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = json.readTree(response.body());
		assertThat(api.path("info").path("title").asString()).isEqualTo("Unknot scheduling API");
		assertThat(api.path("paths").propertyNames()).contains("/api/v1/services", "/api/v1/locations",
				"/api/v1/practitioners", "/api/v1/availability", "/api/v1/holds", "/api/v1/appointments",
				"/api/v1/appointments/{id}", "/api/v1/appointments/{id}/cancel", "/api/v1/appointments/{id}/reschedule",
				"/api/v1/series");
		JsonNode book = api.path("paths").path("/api/v1/appointments").path("post");
		assertThat(book.path("responses").propertyNames()).contains("400", "404", "409", "422");
		assertThat(book.path("parameters").toString()).contains("Idempotency-Key");
		assertThat(api.path("components").path("schemas").has("ProblemDetail")).isTrue();
	}

}
