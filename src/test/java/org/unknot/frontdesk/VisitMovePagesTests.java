package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PackageFixture;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Appointments;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.Holding;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * The front desk moves a visit paid with a package credit to a day after that package
 * runs out: the page says in words which package pays now, or, when none of the patient's
 * packages covers the new day, offers the move as self-pay and moves nothing until the
 * desk says so.
 */
@UnknotIntegrationTest
class VisitMovePagesTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PackageAdmin packageAdmin;

	@Autowired
	PackageSales sales;

	@Autowired
	CreditLedger credits;

	@Autowired
	VisitBooking booking;

	@Autowired
	Patients patients;

	@Autowired
	Appointments appointments;

	MockMvc mvc;

	PackageFixture packages;

	String clinic;

	String therapist;

	PatientDetails patient;

	PatientId patientId;

	@BeforeEach
	void openAClinicAndAPatient() {
		mvc = SecuredMockMvc.of(context);
		packages = new PackageFixture(jdbc, packageAdmin);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		patient = new PatientDetails("Odile", "Marchetti", "odile." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1974, 9, 30));
		patientId = PatientId.of(patients.identify(patient));
	}

	@Nested
	class WhenAnotherPackageCoversTheNewDay {

		@Test
		void theBannerSaysWhichPackageTheCreditNowComesFrom() throws Exception {
			Holding first = soldEndingOn(6, MONDAY.plusDays(7));
			Holding later = sold(10);
			UUID visit = bookedAt(at(MONDAY, 10));

			MvcResult moved = moveTo(visit, at(MONDAY.plusDays(14), 10), false);

			assertThat(moved.getResponse().getStatus()).isEqualTo(302);
			assertThat(startOf(visit)).isEqualTo(at(MONDAY.plusDays(14), 10).toInstant());
			assertThat(calendarAfter(moved)).contains(
					"Moved to Mon, Mar 29, 10:00 AM EDT, with Test " + therapist + ", LMT. Uses a credit from the "
							+ later.packageName() + " package instead (9 visits left in it).");
			assertThat(credits.spentOn(visit))
				.hasValueSatisfying(use -> assertThat(use.holdingId()).isEqualTo(later.id()));
			assertThat(credits.holding(first.id()).orElseThrow().balance()).isEqualTo(6);
		}

		@Test
		void theBannerSaysNothingOfPackagesWhileTheSameOneStillCoversIt() throws Exception {
			Holding only = sold(6);
			UUID visit = bookedAt(at(MONDAY, 10));

			MvcResult moved = moveTo(visit, at(MONDAY.plusDays(14), 10), false);

			assertThat(calendarAfter(moved))
				.contains("Moved to Mon, Mar 29, 10:00 AM EDT, with Test " + therapist + ", LMT.")
				.doesNotContain("Uses a credit");
			assertThat(credits.spentOn(visit))
				.hasValueSatisfying(use -> assertThat(use.holdingId()).isEqualTo(only.id()));
		}

	}

	@Nested
	class WhenNoPackageCoversTheNewDay {

		@Test
		void theDeskIsAskedAgainWithSelfPayOfferedAndNothingMoves() throws Exception {
			Holding only = soldEndingOn(6, MONDAY.plusDays(7));
			Holding alsoEndsBefore = soldEndingOn(10, MONDAY.plusDays(14));
			UUID visit = bookedAt(at(MONDAY, 10));

			MockHttpServletResponse asked = moveTo(visit, at(MONDAY.plusDays(14), 10), false).getResponse();

			assertThat(asked.getStatus()).isEqualTo(422);
			asked.setCharacterEncoding(StandardCharsets.UTF_8.name());
			assertThat(asked.getContentAsString()).contains("Move this visit?")
				.contains("Odile Marchetti")
				.contains(only.packageName())
				.contains("runs out on Monday, March 22, 2027")
				.contains("The patient pays for this visit (self-pay)")
				.contains("aria-describedby=\"selfPay-error\"");
			assertThat(startOf(visit)).isEqualTo(at(MONDAY, 10).toInstant());
			assertThat(credits.holding(only.id()).orElseThrow().balance()).isEqualTo(5);
			assertThat(credits.holding(alsoEndsBefore.id()).orElseThrow().balance()).isEqualTo(10);
		}

		@Test
		void asSelfPayTheVisitMovesAndTheCreditGoesBack() throws Exception {
			Holding only = soldEndingOn(6, MONDAY.plusDays(7));
			UUID visit = bookedAt(at(MONDAY, 10));

			MvcResult moved = moveTo(visit, at(MONDAY.plusDays(14), 10), true);

			assertThat(moved.getResponse().getStatus()).isEqualTo(302);
			assertThat(calendarAfter(moved))
				.contains("Moved to Mon, Mar 29, 10:00 AM EDT, with Test " + therapist + ", LMT.")
				.doesNotContain("Uses a credit");
			assertThat(startOf(visit)).isEqualTo(at(MONDAY.plusDays(14), 10).toInstant());
			assertThat(credits.holding(only.id()).orElseThrow().balance()).as("the credit given back").isEqualTo(6);
		}

	}

	private MvcResult moveTo(UUID visit, ZonedDateTime start, boolean selfPay) throws Exception {
		var request = post("/staff/visits/{id}/move", visit).param("slot", start.toOffsetDateTime() + "|" + therapist)
			.param("confirm", "yes");
		if (selfPay) {
			request.param("selfPay", "yes");
		}
		return mvc.perform(request.with(csrf()).with(frontDesk())).andReturn();
	}

	/** The calendar the move leads to, with the banner the move left for it. */
	private String calendarAfter(MvcResult moved) throws Exception {
		String to = moved.getResponse().getRedirectedUrl();
		assertThat(to).startsWith("/staff/calendar");
		MockHttpServletResponse page = mvc
			.perform(get(to.substring(0, to.indexOf('#'))).flashAttrs(moved.getFlashMap()).with(frontDesk()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		page.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return page.getContentAsString();
	}

	private RequestPostProcessor frontDesk() {
		return SignedInAs.frontDeskOf(clinic);
	}

	private UUID bookedAt(ZonedDateTime start) {
		return booking
			.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
					LocationId.of(clinic), start.toInstant()), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT)
			.appointment()
			.id();
	}

	/** A package of so many massages, valid a year, sold to the patient for cash. */
	private Holding sold(int massages) {
		return sales.sell(patientId, packages.massage(massages, 365), PaidHow.CASH);
	}

	/** The same, running out at the start of that day. */
	private Holding soldEndingOn(int massages, LocalDate day) {
		Holding holding = sold(massages);
		packages.endsOn(holding, day);
		return holding;
	}

	private Instant startOf(UUID visit) {
		return appointments.find(visit).orElseThrow().start();
	}

	private static ZonedDateTime at(LocalDate day, int hour) {
		return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK);
	}

}
