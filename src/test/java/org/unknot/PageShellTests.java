package org.unknot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.account.Role;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;

/**
 * Every area of the site (the public website, signing in, the patient portal, the staff
 * workspace, admin) renders the one layout: its head with the favicon and stylesheet, the
 * site header with the main navigation, and the footer; the navigation fits the one
 * signed in.
 */
@UnknotIntegrationTest
class PageShellTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Patients patients;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		mvc = SecuredMockMvc.of(context);
	}

	@Nested
	class EveryArea {

		@Test
		void thePublicWebsite() throws Exception {
			assertThat(page("/", null)).satisfies(PageShellTests::hasTheShell).contains("Book an appointment");
		}

		@Test
		void signingIn() throws Exception {
			assertThat(page("/sign-in", null)).satisfies(PageShellTests::hasTheShell)
				.contains("<title>Sign in · Unknot</title>");
		}

		@Test
		void thePatientPortal() throws Exception {
			assertThat(page("/account", patient())).satisfies(PageShellTests::hasTheShell)
				.contains("<title>Your visits · Unknot</title>");
		}

		@Test
		void theStaffWorkspace() throws Exception {
			assertThat(page("/staff", SignedInAs.frontDeskOf())).satisfies(PageShellTests::hasTheShell)
				.contains("<title>Workspace · Unknot workspace</title>");
		}

		@Test
		void admin() throws Exception {
			assertThat(page("/admin", SignedInAs.admin())).satisfies(PageShellTests::hasTheShell)
				.contains("<title>Admin · Unknot workspace</title>");
		}

		@Test
		void errorPages() throws Exception {
			String page = mvc.perform(get("/practitioners/no-such-practitioner").accept("text/html"))
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(page).satisfies(PageShellTests::hasTheShell);
		}

		@Test
		void thePagesAMessagesLinkOpens() throws Exception {
			assertThat(page("/waitlist/offers/" + UUID.randomUUID() + "?token=guess", null))
				.satisfies(PageShellTests::hasTheShell)
				.contains("This offer link is not valid");
			assertThat(page("/visits/" + UUID.randomUUID() + "/join?token=guess", null))
				.satisfies(PageShellTests::hasTheShell)
				.contains("This join link is not valid");
		}

	}

	@Nested
	class TheNavigation {

		@Test
		void letsAPatientGetBackToTheWebsite() throws Exception {
			assertThat(header(page("/account", patient()))).contains("href=\"/\">Unknot website</a>")
				.contains("Sign out")
				.doesNotContain("/staff");
		}

		@Test
		void showsTheFrontDeskOnlyWhatItsRoleMayOpen() throws Exception {
			String header = header(page("/staff", SignedInAs.frontDeskOf()));

			assertThat(header).contains("href=\"/staff/calendar\"")
				.contains("href=\"/staff/waitlist\"")
				.doesNotContain("href=\"/admin\"")
				.doesNotContain("href=\"/staff/my-day\"");
		}

		@Test
		void showsAPractitionerTheirDayButNoClinicCalendar() throws Exception {
			String header = header(page("/staff", SignedInAs.signedIn(Role.PRACTITIONER, "p-someone", null)));

			assertThat(header).contains("href=\"/staff/my-day\"")
				.doesNotContain("href=\"/staff/calendar\"")
				.doesNotContain("href=\"/admin\"");
		}

		@Test
		void offersSignInInTheFooterOnlyToWhoeverIsNotSignedIn() throws Exception {
			String visitor = footer(page("/", null));
			String patient = footer(page("/account", patient()));
			String frontDesk = footer(page("/services", SignedInAs.frontDeskOf()));

			assertThat(visitor).contains("href=\"/sign-in\"").contains("href=\"/register\"");
			assertThat(patient).contains("<a href=\"/account\">Your account</a>")
				.doesNotContain("href=\"/sign-in\"")
				.doesNotContain("href=\"/register\"");
			assertThat(frontDesk).contains("<a href=\"/staff\">Your workspace</a>")
				.doesNotContain("href=\"/sign-in\"")
				.doesNotContain("href=\"/account\"");
		}

		@Test
		void leadsAnAdminFromTheWorkspaceToAdmin() throws Exception {
			String workspace = page("/staff", SignedInAs.admin());

			assertThat(header(workspace)).contains("href=\"/admin\"");
			assertThat(workspace.substring(workspace.indexOf("<main"))).contains("href=\"/admin\"");
		}

	}

	String page(String path, RequestPostProcessor who) throws Exception {
		var request = get(path);
		if (who != null) {
			request.with(who);
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	RequestPostProcessor patient() {
		UUID patientId = patients.identify(new PatientDetails("Nia", "Shell",
				"shell-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1990, 5, 6)));
		return SignedInAs.signedIn(Role.PATIENT, null, patientId);
	}

	static String footer(String page) {
		return page.substring(page.indexOf("<footer"), page.indexOf("</footer>"));
	}

	static String header(String page) {
		return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
	}

	static void hasTheShell(String page) {
		assertThat(page).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
			.contains("<link rel=\"stylesheet\" href=\"/css/unknot.css\">")
			.contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
			.contains("<header class=\"site-header\">")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.contains("<main id=\"main\"")
			.contains("<footer class=\"site-footer\">");
	}

}
