package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unknot.UnknotIntegrationTest;

/**
 * Requests refused before any controller runs still get a clear answer: an RFC 9457
 * problem for the API, the site's own page for a browser, never Tomcat's report with its
 * name and version, and never a 500 for text PostgreSQL could not store.
 */
@UnknotIntegrationTest
class UnreadableRequestTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Test
	void aNulCharacterInAQueryParameterIsRefusedNamingTheParameter() throws Exception {
		HttpResponse<String> answer = get("/api/v1/practitioners?service=a%00b", "application/json");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"field\":\"service\"").contains("NUL character");
	}

	@Test
	void aNulCharacterInAPageParameterGetsTheSitesErrorPage() throws Exception {
		HttpResponse<String> answer = get("/practitioners?language=a%00b", "text/html");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("/css/unknot.css").doesNotContainIgnoringCase("tomcat");
	}

	@Test
	void anAddressTooLongForTheServerIsAProblemForTheApi() throws Exception {
		HttpResponse<String> answer = get("/api/v1/availability?service=" + "x".repeat(10_000), "application/json");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(answer.body()).contains("\"status\":400").doesNotContainIgnoringCase("tomcat");
	}

	@Test
	void anEncodedNulInThePathIsAProblemForTheApiWithoutTheServersName() throws Exception {
		HttpResponse<String> answer = get("/api/v1/appointments/%00", "*/*");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).doesNotContainIgnoringCase("tomcat");
	}

	@Test
	void aBrowserRefusedByTheServerGetsAPlainPageWithoutTheServersName() throws Exception {
		HttpResponse<String> answer = get("/clinics/%00", "text/html");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).doesNotContainIgnoringCase("tomcat");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
