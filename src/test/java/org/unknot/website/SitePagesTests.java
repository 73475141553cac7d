package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every public page over HTTP, on a small network of its own (TestNetwork). */
@UnknotIntegrationTest
class SitePagesTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	TestNetwork network;

	String clinic;

	String therapist;

	String lapsed;

	String specialty;

	@BeforeEach
	void aClinicWithATherapistAndOneWhoseLicenceHasExpired() {
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 1);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		lapsed = network.practitioner("LMT", LocalDate.of(2024, 12, 31), TestNetwork.MASSAGE);
		network.weekdays(lapsed, clinic);
		specialty = "sports massage " + TestNetwork.shortId();
		jdbc.sql("UPDATE practitioner SET specialties = ?, languages = '{English,Spanish}', bio = ? WHERE id = ?")
			.params(new String[] { specialty }, "Ten years of work with runners. Calm and careful.", therapist)
			.update();
		jdbc.sql("UPDATE practitioner SET specialties = ? WHERE id = ?")
			.params(new String[] { specialty }, lapsed)
			.update();
	}

	@Test
	void homePageShowsTheOfferTheClinicsAndBooking() {
		Page home = get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/book\"")
			.contains("Test massage")
			.contains("Test clinic " + clinic)
			.contains("<link rel=\"canonical\" href=\"http://localhost:8080/\">");
	}

	@Nested
	class Articles {

		@Test
		void listsEveryArticleAndFiltersByTopic() {
			Page all = get("/articles");
			assertThat(all.body()).contains("Upper back pain and massage", "Neck pain from desk work",
					"Trigger points explained", "When massage is not enough", "Self-care between sessions",
					"What to expect at a first visit");
			Page neck = get("/articles?topic=neck");
			assertThat(neck.body()).contains("Neck pain from desk work").doesNotContain("Self-care between sessions");
		}

		@Test
		void saysSoWhenATopicIsUnknownAndListsAll() {
			Page page = get("/articles?topic=elbows");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("There are no articles about “<span>elbows</span>” yet")
				.contains("Neck pain from desk work");
		}

		@Test
		void rendersTheMarkdownWithHeadTagsAndMedicalWebPageData() {
			Page page = get("/articles/upper-back-pain-and-massage");
			assertThat(page.body()).contains("<h1 id=\"article-title\">Upper back pain and massage</h1>")
				.contains("<h2>What massage can do</h2>")
				.contains(
						"<link rel=\"canonical\" href=\"http://localhost:8080/articles/upper-back-pain-and-massage\">")
				.contains("<meta property=\"og:type\" content=\"article\">")
				.contains("<meta property=\"og:title\" content=\"Upper back pain and massage\">");
			JsonNode data = jsonLd(page);
			assertThat(data.get("@type").asString()).isEqualTo("MedicalWebPage");
			assertThat(data.get("url").asString())
				.isEqualTo("http://localhost:8080/articles/upper-back-pain-and-massage");
		}

		@Test
		void endsWithACallToBookThatPreselectsTheServicesThatExist() {
			Page page = get("/articles/test-massage-for-testers");
			assertThat(page.body()).contains("href=\"/book?service=t-massage-60\"")
				.contains("Book Test massage, 60 minutes")
				.doesNotContain("no-such-service")
				.doesNotContain("<script>alert");
		}

		@Test
		void offersTheGeneralBookingWhenNoneOfItsServicesIsInTheCatalog() {
			Page page = get("/articles/test-nothing-to-book");
			assertThat(page.body())
				.contains("<a class=\"button button--primary\" href=\"/book\">Book an appointment</a>")
				.doesNotContain("/book?service=");
		}

		@Test
		void listsRelatedArticlesMostSharedTopicsFirst() {
			Page page = get("/articles/neck-pain-from-desk-work");
			String related = page.body().substring(page.body().indexOf("id=\"related-title\""));
			// two topics and a service in common, two topics, then one topic and a
			// service
			assertThat(links(related)).containsExactly("/articles/upper-back-pain-and-massage",
					"/articles/self-care-between-sessions", "/articles/trigger-points-explained");
		}

		@Test
		void anUnknownArticleIsAFriendlyNotFoundPage() {
			Page page = get("/articles/broken-toe");
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("We could not find that page").doesNotContain("Exception");
		}

	}

	@Nested
	class Services {

		@Test
		void servicePageShowsLengthPriceInsuranceWhoAndFirstFreeTime() {
			Page page = get("/services/" + TestNetwork.MASSAGE);
			assertThat(page.body()).contains("Test massage, 60 minutes")
				.contains("$100")
				.contains("Massage by a licensed massage therapist is self-pay")
				.contains("/practitioners/" + therapist)
				.doesNotContain("/practitioners/" + lapsed)
				.contains("/book?service=t-massage-60&amp;location=" + clinic);
			JsonNode data = jsonLd(page);
			assertThat(data.get("@type").asString()).isEqualTo("Service");
			assertThat(data.get("offers").get("price").asString()).isEqualTo("100.00");
		}

		@Test
		void listsServicesByKindOfCare() {
			Page page = get("/services");
			assertThat(page.body()).contains("Massage therapy")
				.contains("Pain procedures")
				.contains("/services/t-procedure");
		}

		@Test
		void anUnknownServiceIsAFriendlyNotFoundPage() {
			Page page = get("/services/nope");
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.body()).contains("There is no service &#39;nope&#39;.").doesNotContain("\"type\"");
		}

	}

	@Nested
	class Practitioners {

		@Test
		void directoryFiltersBySpecialtyAndLeavesOutExpiredLicences() {
			Page page = get("/practitioners?specialty=" + encode(specialty));
			assertThat(page.body()).contains("/practitioners/" + therapist)
				.doesNotContain("/practitioners/" + lapsed)
				.contains("1 practitioner");
		}

		@Test
		void directoryFiltersByClinicTreatmentAndLanguage() {
			Page page = get("/practitioners?clinic=" + clinic + "&service=t-massage&language=Spanish");
			assertThat(page.body()).contains("/practitioners/" + therapist);
			Page video = get("/practitioners?clinic=virtual&specialty=" + encode(specialty));
			assertThat(video.body()).doesNotContain("/practitioners/" + therapist).contains("No practitioner matches");
		}

		@Test
		void anUnknownFilterValueIsExplainedBesideItsField() {
			Page page = get("/practitioners?language=Klingon");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("id=\"language-error\"")
				.contains("“Klingon” is not a language we know")
				.contains("aria-invalid=\"true\"")
				.contains("aria-describedby=\"language-error\"");
		}

		@Test
		void profileShowsLicencesLanguagesClinicsAndNextFreeTimes() {
			Page page = get("/practitioners/" + therapist);
			assertThat(page.body()).contains("Ten years of work with runners.")
				.contains("Spanish")
				.contains("Dec 31, 2030")
				.contains("<td>NJ</td>")
				.contains("/clinics/" + clinic)
				.contains("Next free times")
				.contains("/book?service=t-massage-60&amp;location=" + clinic + "&amp;practitioner=" + therapist);
			JsonNode data = jsonLd(page);
			assertThat(data.get("@type").asString()).isEqualTo("Person");
			assertThat(data.get("knowsLanguage").toString()).contains("Spanish");
		}

		@Test
		void aPhysicianIsDescribedAsPhysician() {
			String physician = network.physician();
			assertThat(jsonLd(get("/practitioners/" + physician)).get("@type").asString()).isEqualTo("Physician");
		}

		@Test
		void aPractitionerWhoseLicenceExpiredIsMarkedNotBookableWithoutTimes() {
			Page page = get("/practitioners/" + lapsed);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("Not taking bookings")
				.contains("expired")
				.doesNotContain("Next free times")
				.doesNotContain("/book?service");
		}

		@Test
		void anUnknownPractitionerIsAFriendlyNotFoundPage() {
			assertThat(get("/practitioners/nobody").status()).isEqualTo(404);
		}

	}

	@Nested
	class Clinics {

		@Test
		void clinicPageShowsAddressPhoneHoursServicesAndDirections() {
			Page page = get("/clinics/" + clinic);
			assertThat(page.body()).contains("1 Test Street")
				.contains("href=\"tel:+19735550100\"")
				.contains("<th scope=\"row\">Monday</th><td>9:00 AM – 5:00 PM</td>")
				.contains("<th scope=\"row\">Sunday</th><td>Closed</td>")
				.contains("/services/t-massage-60")
				.contains("https://www.openstreetmap.org/search?query=1+Test+Street%2C+Testville%2C+NJ+07000");
			JsonNode data = jsonLd(page);
			assertThat(data.get("@type").asString()).isEqualTo("MedicalClinic");
			assertThat(data.get("telephone").asString()).isEqualTo("(973) 555-0100");
			assertThat(data.get("openingHoursSpecification")).hasSize(5);
		}

		@Test
		void clinicListLinksEveryClinic() {
			assertThat(get("/clinics").body()).contains("/clinics/" + clinic);
		}

		@Test
		void anUnknownClinicIsAFriendlyNotFoundPage() {
			assertThat(get("/clinics/atlantis").status()).isEqualTo(404);
		}

	}

	@Nested
	class ForSearchEngines {

		@Test
		void sitemapListsEveryPublicPageAtTheConfiguredAddress() {
			Page page = get("/sitemap.xml");
			assertThat(page.contentType()).startsWith("application/xml");
			assertThat(page.body()).contains("<loc>http://localhost:8080/articles/trigger-points-explained</loc>")
				.contains("<loc>http://localhost:8080/services/t-massage-60</loc>")
				.contains("<loc>http://localhost:8080/practitioners/" + therapist + "</loc>")
				.doesNotContain("/practitioners/" + lapsed)
				.contains("<loc>http://localhost:8080/clinics/" + clinic + "</loc>");
		}

		@Test
		void robotsPointsToTheSitemapAndKeepsOutOfTheApi() {
			Page page = get("/robots.txt");
			assertThat(page.body()).contains("Sitemap: http://localhost:8080/sitemap.xml").contains("Disallow: /api/");
		}

	}

	@Nested
	class Errors {

		@Test
		void theApiStillAnswersProblemsAsJson() {
			Page page = get("/api/v1/services/nope");
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.contentType()).startsWith("application/problem+json");
		}

		@Test
		void anUnknownApiAddressIsNotAnsweredWithAWebPage() {
			Page page = get("/api/v1/nothing-here", "application/json");
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.contentType()).doesNotStartWith("text/html");
		}

		@Test
		void websitePagesTellBrowsersToFetchNothingFromElsewhere() throws Exception {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/articles")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					policy -> assertThat(policy).contains("default-src 'self'").contains("script-src 'self'"));
		}

		@Test
		void anUnknownAddressInABrowserIsAFriendlyPageWithoutDetails() {
			Page page = get("/wp-admin/setup.php");
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.body()).contains("We could not find that page")
				.doesNotContain("trace")
				.doesNotContain("Whitelabel");
		}

	}

	private Page get(String path) {
		return get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private Page get(String path, String accept) {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Accept", accept)
					.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private JsonNode jsonLd(Page page) {
		Matcher matcher = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
			.matcher(page.body());
		assertThat(matcher.find()).as("JSON-LD on the page").isTrue();
		return json.readTree(matcher.group(1));
	}

	private static java.util.List<String> links(String html) {
		Matcher matcher = Pattern.compile("href=\"(/articles/[a-z0-9-]+)\"")
			.matcher(html.substring(0, html.indexOf("</aside>")));
		java.util.List<String> links = new java.util.ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	record Page(int status, String contentType, String body) {
	}

}
