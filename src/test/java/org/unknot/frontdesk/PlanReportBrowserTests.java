package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReports;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * A practitioner writes a progress report on a plan, downloads it and sends it to a
 * provider, who opens the link until the practitioner withdraws it; a practitioner who
 * does not treat the patient opens the report with a reason; axe finds nothing on any of
 * the new pages.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class PlanReportBrowserTests {

	static final String PASSWORD = "a long staff passphrase";

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	/** The plan began two weeks ago: the score three weeks ago is its baseline. */
	static final LocalDate START = LocalDate.now(ZoneId.of(TestNetwork.ZONE)).minusWeeks(2);

	static final Pattern LINK = Pattern.compile("/reports/shared/[A-Za-z0-9_-]{43}");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	@Autowired
	Assessments assessments;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	MeasureResponses responses;

	@Autowired
	CareReports reports;

	@Test
	void aPractitionerWritesDownloadsAndSendsAReportThatTheProviderOpens(Visitor visitor) throws IOException {
		var network = new TestNetwork(jdbc);
		String therapist = network.therapist();
		Booked visit = firstVisit(network, therapist, "Elio", "Brandt");
		UUID patient = visit.appointment().patientId().value();
		TreatmentPlan plan = fixture().signed(patient, therapist, START);
		plans.link(plan.id(), visit.appointment().id(), Instant.now());
		fixture().pain(patient, 8, Duration.ofDays(21));
		fixture().pain(patient, 5, Duration.ofDays(1));
		Account practitioner = accounts
			.create(new AccountDesk.NewAccount("lmt-" + UUID.randomUUID() + "@unknot.example", "Sam Practitioner",
					Role.PRACTITIONER, List.of(), therapist, null, PASSWORD));
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, practitioner, PASSWORD);

		page.navigate(visitor.baseUrl() + "/staff/plans/" + plan.id());
		assertThat(page.content()).contains("No report signed yet.");
		link(page, "Write a progress report").click();
		visitor.check(page, "report-form");
		button(page, "Sign the progress report").click();
		page.waitForLoadState();
		assertThat(page.content()).contains("Write the summary the report ends with.");
		visitor.check(page, "report-form-refused");
		page.getByLabel("Summary").fill("Pain down three points; keep to the plan.");
		button(page, "Sign the progress report").click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent()).contains("Report signed");
		visitor.check(page, "plan-with-report");

		Download download = page.waitForDownload(() -> page.getByText("download the PDF").click());
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
			assertThat(new PDFTextStripper().getText(document)).contains("Elio Brandt")
				.contains("Pain has gone from 8 to 5: a meaningful improvement.")
				.contains("Pain down three points; keep to the plan.");
		}

		link(page, "send it to a provider").click();
		visitor.check(page, "report-send");
		String email = "dr.lee." + UUID.randomUUID() + "@example.org";
		page.getByLabel("Name of the provider").fill("Dr. Priya Lee");
		page.getByLabel("Email address of the provider").fill(email);
		button(page, "Send the link").click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent()).contains("Link sent to Dr. Priya Lee at " + email);
		assertThat(page.content()).contains("Sent to Dr. Priya Lee (" + email + ") on ")
			.contains(", link works until ");

		String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).isTrue();
		Page provider = visitor.open(link.group(), Visitor.JS_OFF);
		assertThat(provider.locator("h1").textContent()).isEqualTo("A report shared with you");
		visitor.check(provider, "shared-report");
		Download shared = provider.waitForDownload(() -> provider.getByText("Download the report (PDF)").click());
		assertThat(Files.readAllBytes(shared.path())).startsWith("%PDF".getBytes());

		page.reload();
		assertThat(page.content()).contains("opened, downloaded once");
		button(page, "Withdraw the link sent to Dr. Priya Lee").click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent()).contains("is withdrawn");
		visitor.check(page, "plan-with-withdrawn-link");
		provider.reload();
		assertThat(provider.locator("h1").textContent()).isEqualTo("This link was withdrawn");
		visitor.check(provider, "shared-report-withdrawn");
	}

	@Test
	void aPractitionerWhoDoesNotTreatThePatientOpensAReportWithAReason(Visitor visitor) throws IOException {
		var network = new TestNetwork(jdbc);
		String therapist = network.therapist();
		UUID patient = firstVisit(network, therapist, "Mira", "Okafor").appointment().patientId().value();
		TreatmentPlan plan = fixture().signed(patient, therapist, START);
		UUID report = reports
			.sign(plan.id(), "Steady; no change to the plan.", null, PractitionerId.of(therapist),
					new Progress.Reader("test", "PRACTITIONER", null))
			.id();
		Account stranger = accounts.create(new AccountDesk.NewAccount("pt-" + UUID.randomUUID() + "@unknot.example",
				"Kit Stranger", Role.PRACTITIONER, List.of(), network.therapist(), null, PASSWORD));
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, stranger, PASSWORD);

		page.navigate(visitor.baseUrl() + "/staff/reports/" + report + "/pdf");
		assertThat(page.locator("h1").textContent()).isEqualTo("Reason needed");
		visitor.check(page, "report-reason");
		page.getByLabel("Reason").fill("urgent");
		button(page, "Open the report").click();
		page.waitForLoadState();
		assertThat(page.content()).contains("Give a reason of at least 10 characters");
		visitor.check(page, "report-reason-refused");
		page.getByLabel("Reason").fill("Covering the emergency clinic; the patient arrived in severe pain.");
		button(page, "Open the report").click();
		page.waitForLoadState();
		assertThat(page.locator("h1").textContent()).isEqualTo("Report opened with a reason");
		visitor.check(page, "report-reason-given");
		Download download = page.waitForDownload(() -> link(page, "Download the PDF").click());
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
			assertThat(new PDFTextStripper().getText(document)).contains("Mira Okafor");
		}
	}

	/** A patient's first visit, with a therapist working weekdays at a new clinic. */
	private Booked firstVisit(TestNetwork network, String therapist, String given, String family) {
		String clinic = network.clinic(2, 0, 0);
		network.weekdays(therapist, clinic);
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null,
				new PatientDetails(given, family,
						given.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1979, 9, 9)));
	}

	private static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private SignedPlans fixture() {
		return new SignedPlans(assessments, plans, responses);
	}

}
