package org.unknot.demo;

import static java.time.temporal.TemporalAdjusters.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.NotResponding;
import org.unknot.care.measures.OutcomeGroup;
import org.unknot.care.measures.Outcomes;
import org.unknot.care.measures.Progress;
import org.unknot.care.measures.QuestionnairesAhead;
import org.unknot.account.AccountDesk;
import org.unknot.account.SignIn;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The demo network, loaded on demand into the shared test database (other tests' clinics
 * may be there too), must be complete, consistent with the availability engine, and
 * bookable through the API.
 */
@UnknotIntegrationTest
class DemoNetworkTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final List<String> CLINICS = List.of("montclair", "princeton", "hoboken", "red-bank");
	static final String DEMO_PRACTITIONERS = """
			SELECT DISTINCT practitioner_id FROM working_hours
			WHERE clinic_id IN ('montclair', 'princeton', 'hoboken', 'red-bank')""";
	static final String ANA = "ana-ribeiro";
	static final String ANJALI = "anjali-mehta";
	static final String OWEN = "owen-hart";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoNetwork demo;

	@Autowired
	Clock clock;

	@Autowired
	ObjectMapper json;

	LocalDate today;

	LocalDate nextMonday;

	@BeforeEach
	void loadTheDemo() {
		demo.loadUnlessPresent();
		today = LocalDate.now(clock.withZone(NEW_YORK));
		nextMonday = today.with(next(DayOfWeek.MONDAY));
	}

	static DemoCare.Course demoPatient;

	@Nested
	class Loading {

		@Test
		void addsNothingTheSecondTime() {
			Map<String, Long> before = counts();

			assertThat(demo.loadUnlessPresent()).as("the demo is present").isFalse();
			assertThat(demo.loadIfEmpty()).as("the database has clinics").isFalse();

			assertThat(counts()).isEqualTo(before);
			assertThat(before.get("clinic")).isGreaterThanOrEqualTo(4);
		}

		@Test
		void givesTheDemoPatientAnAccountAndAPlanWithItsBiWeeklyVisitsBookedOnce(@Autowired DemoPatient patient,
				@Autowired TreatmentPlans plans, @Autowired QuestionnairesAhead questionnaires) {
			var planned = theDemoPatient(patient);
			var course = planned.outcome();

			assertThat(course.booked()).hasSize(DemoPatient.VISITS - DemoCare.DONE);
			assertThat(course.booked())
				.extracting(booked -> booked.appointment().start().atZone(NEW_YORK).toLocalTime())
				.containsOnly(course.booked().get(0).appointment().start().atZone(NEW_YORK).toLocalTime());
			assertThat(java.time.temporal.ChronoUnit.DAYS.between(
					course.booked().get(0).appointment().start().atZone(NEW_YORK).toLocalDate(),
					course.booked().get(1).appointment().start().atZone(NEW_YORK).toLocalDate()))
				.isEqualTo(14);
			var plan = plans.find(planned.planId()).orElseThrow();
			assertThat(plans.progress(plan).summary()).isEqualTo("3 of 6 done, 3 booked, 0 still to book");
			assertThat(plans.progress(plan).visits()).extracting(visit -> visit.id())
				.containsExactlyElementsOf(java.util.stream.Stream
					.concat(planned.done().stream().map(DemoCare.Visit::id),
							course.booked().stream().map(booked -> booked.appointment().id()))
					.toList());
			assertThat(planned.done()).extracting(visit -> visit.start().atZone(NEW_YORK).getDayOfWeek())
				.containsOnly(DayOfWeek.WEDNESDAY);
			LocalDate assessed = jdbc.sql("SELECT recorded_at FROM assessment WHERE id = ?")
				.param(plan.assessmentId())
				.query(OffsetDateTime.class)
				.single()
				.atZoneSameInstant(NEW_YORK)
				.toLocalDate();
			assertThat(plan.signedAt().atZone(NEW_YORK).toLocalDate()).as("signed on the day of the assessment")
				.isEqualTo(assessed)
				.isEqualTo(plan.createdAt().atZone(NEW_YORK).toLocalDate())
				.isBefore(planned.done().get(0).start().atZone(NEW_YORK).toLocalDate());
			assertThat(java.time.temporal.ChronoUnit.DAYS.between(planned.done().get(0).start(),
					planned.done().get(2).start()))
				.as("bi-weekly")
				.isEqualTo(28);
			var first = course.booked().get(0).appointment().id();
			assertThat(jdbc.sql("SELECT plan_id FROM questionnaire_request WHERE appointment_id = ?")
				.param(first)
				.query(java.util.UUID.class)
				.list()).as("the first visit's questionnaire, sent for the plan").containsExactly(plan.id());
			assertThat(questionnaires.checkNow(plan.id(), first)).as("never sent twice").isFalse();
			assertThat(jdbc.sql("SELECT patient_id FROM account WHERE email = ?")
				.param(DemoPatient.EMAIL)
				.query(java.util.UUID.class)
				.single()).isEqualTo(course.booked().get(0).appointment().patientId().value());
			assertThat(jdbc
				.sql("""
						SELECT r.measure || ':' || r.score FROM measure_response r JOIN account a ON a.patient_id = r.patient_id
						WHERE a.email = ? AND r.measure = 'pain-nrs' AND r.plan_id = ? ORDER BY r.answered_at""")
				.params(DemoPatient.EMAIL, plan.id())
				.query(String.class)
				.list()).as("pain falling, linked to the plan")
				.containsExactly("pain-nrs:7.00", "pain-nrs:5.00", "pain-nrs:4.00");
			assertThat(jdbc.sql("""
					SELECT method || ':' || amount_minor FROM payment_entry
					WHERE kind = 'PAYMENT' AND patient_id = ? ORDER BY receipt_number""")
				.param(course.booked().get(0).appointment().patientId().value())
				.query(String.class)
				.list()).as("two payments with receipts").containsExactly("CARD_TERMINAL:10000", "CASH:10000");
			assertThat(patient.load()).as("the second time").isEmpty();
		}

		@Test
		void givesTheOwnersOutcomesToShowAndFlagsOnePlanNotResponding(@Autowired DemoPatient patient,
				@Autowired DemoOutcomes demoOutcomes, @Autowired Outcomes outcomes,
				@Autowired NotResponding notResponding, @Autowired Progress progress) {
			theDemoPatient(patient);
			demoOutcomes.load();
			demoOutcomes.load();

			var report = outcomes.report();
			var montclair = named(report.byClinic(), "Unknot Montclair");
			assertThat(montclair.completedShown()).isEqualTo("16");
			assertThat(montclair.painShown().words()).isEqualTo("11 (69%)");
			assertThat(montclair.functionShown().words()).isEqualTo("10 (63%)");
			assertThat(montclair.discontinuedShown()).isEqualTo("5");
			assertThat(named(report.byService(), "Physical therapy session, 45 minutes").painShown().percent())
				.isEqualTo(64);
			var hoboken = named(report.byClinic(), "Unknot Hoboken");
			assertThat(List.of(hoboken.completedShown(), hoboken.painShown().words(),
					hoboken.painShown().medianVisits(), hoboken.discontinuedShown()))
				.as("four plans, one discontinued")
				.containsOnly("fewer than 5");

			UUID noor = jdbc.sql("SELECT id FROM patient WHERE email = ?")
				.param(DemoOutcomes.NOT_RESPONDING.email())
				.query(UUID.class)
				.single();
			UUID jordan = jdbc.sql("SELECT patient_id FROM account WHERE email = ?")
				.param(DemoPatient.EMAIL)
				.query(UUID.class)
				.single();
			assertThat(notResponding.among(List.of(noor, jordan))).containsExactly(noor);
			assertThat(jdbc.sql("""
					SELECT a.recorded_at <= p.signed_at AND p.signed_at < (SELECT min(v.start_at) FROM plan_visit pv
					    JOIN appointment v ON v.id = pv.appointment_id WHERE pv.plan_id = p.id)
					FROM treatment_plan p JOIN assessment a ON a.id = p.assessment_id WHERE p.patient_id IN (?, ?)""")
				.params(noor, jordan)
				.query(Boolean.class)
				.list()).as("each plan assessed, then signed, before its first visit").containsExactly(true, true);
			assertThat(jdbc.sql("SELECT count(*) FROM treatment_plan WHERE status IN ('completed', 'discontinued')")
				.query(Long.class)
				.single()).as("the ended plans").isGreaterThanOrEqualTo(34);
			assertThat(DemoPromises.plansOutOfOrder(jdbc))
				.as("every plan assessed, drawn up and signed before its first visit, scored after, ended after its last")
				.isEmpty();
			assertThat(jdbc
				.sql("SELECT count(*) FROM plan_visit pv JOIN appointment a ON a.id = pv.appointment_id "
						+ "JOIN treatment_plan p ON p.id = pv.plan_id WHERE p.patient_id = ? AND a.status = 'booked'")
				.param(noor)
				.query(Long.class)
				.single()).as("the rest of Noor's plan booked, to show on Ana's day").isEqualTo(2);

			var pain = progress.of(PatientId.of(jordan), new Progress.Reader("test", "PRACTITIONER", null))
				.stream()
				.filter(series -> series.measure().code().equals("pain-nrs"))
				.findFirst()
				.orElseThrow();
			assertThat(pain.points()).extracting(Progress.Point::value).endsWith(7.0, 5.0, 4.0);
			assertThat(pain.sentence()).as("what the patient reads first on My progress")
				.isEqualTo("Pain has gone from 7 to 4: a meaningful improvement.");
		}

		/** The demo patient's plan, loaded by whichever test comes first. */
		private static synchronized DemoCare.Course theDemoPatient(DemoPatient patient) {
			if (demoPatient == null) {
				demoPatient = patient.load().orElseThrow();
			}
			return demoPatient;
		}

		private OutcomeGroup named(List<OutcomeGroup> groups, String name) {
			return groups.stream().filter(group -> group.name().equals(name)).findFirst().orElseThrow();
		}

		private Map<String, Long> counts() {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String table : List.of("clinic", "room", "clinic_closure", "care_service", "practitioner",
					"practitioner_licence", "practitioner_service", "working_hours", "time_off")) {
				counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
			}
			return counts;
		}

	}

	@Nested
	class StaffAccounts {

		@Test
		void letEachWorkspaceBeTriedWithThePasswordInTheReadme(@Autowired SignIn signIn) {
			for (AccountDesk.NewAccount account : DemoAccounts.ACCOUNTS) {
				SignIn.PasswordOutcome outcome = signIn.password(account.email(), "unknot demo password", "127.0.0.1",
						null);

				assertThat(outcome).as(account.email()).isInstanceOf(SignIn.Accepted.class);
				assertThat(((SignIn.Accepted) outcome).account().role()).isEqualTo(account.role());
			}
		}

	}

	@Nested
	class TheNetwork {

		@Test
		void hasFourNewJerseyClinicsInNewYorkTimeWithDifferentRooms() {
			List<Map<String, Object>> clinics = jdbc.sql(
					"SELECT id, zone, state, phone, latitude FROM clinic WHERE id IN ('montclair', 'princeton', 'hoboken', 'red-bank')")
				.query()
				.listOfRows();

			assertThat(clinics).hasSize(4)
				.allSatisfy(clinic -> assertThat(clinic).containsEntry("zone", "America/New_York")
					.containsEntry("state", "NJ"))
				.allSatisfy(clinic -> assertThat((String) clinic.get("phone")).matches("\\(\\d{3}\\) 555-01\\d\\d"))
				.allSatisfy(clinic -> assertThat(clinic.get("latitude")).isNotNull());
			Map<String, Map<String, Long>> rooms = new LinkedHashMap<>();
			jdbc.sql(
					"SELECT clinic_id, kind, count(*) AS n FROM room WHERE clinic_id = ANY(?) GROUP BY clinic_id, kind")
				.param(CLINICS.toArray(String[]::new))
				.query()
				.listOfRows()
				.forEach(row -> rooms.computeIfAbsent((String) row.get("clinic_id"), k -> new LinkedHashMap<>())
					.put((String) row.get("kind"), (Long) row.get("n")));
			assertThat(rooms).containsOnlyKeys(CLINICS)
				.allSatisfy((clinic, kinds) -> assertThat(kinds).containsKeys("MASSAGE_ROOM", "CONSULTING_ROOM"));
			assertThat(rooms.values().stream().flatMap(kinds -> kinds.keySet().stream()).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder("MASSAGE_ROOM", "PROCEDURE_ROOM", "GYM", "CONSULTING_ROOM");
			assertThat(rooms.get("hoboken")).as("Hoboken has no procedure room").doesNotContainKey("PROCEDURE_ROOM");
			assertThat(new ArrayList<>(rooms.values())).as("every clinic its own mix").doesNotHaveDuplicates();
		}

		@Test
		void closesEveryClinicOnTheHolidays() {
			for (String holiday : List.of("2026-12-25", "2027-01-01", "2027-05-31", "2027-07-05", "2027-09-06",
					"2027-11-25", "2027-12-24", "2027-12-25")) {
				List<String> closed = jdbc
					.sql("SELECT clinic_id FROM clinic_closure WHERE first_day <= ? AND last_day >= ?")
					.params(LocalDate.parse(holiday), LocalDate.parse(holiday))
					.query(String.class)
					.list();
				assertThat(closed).as(holiday).containsAll(CLINICS);
			}
		}

		@Test
		void drawsPicturesForTheTherapistsAndLeavesThePhysiciansWithThePlaceholder() {
			List<String> pictured = jdbc
				.sql("SELECT practitioner_id FROM practitioner_photo WHERE practitioner_id IN (" + DEMO_PRACTITIONERS
						+ ") ORDER BY practitioner_id")
				.query(String.class)
				.list();

			assertThat(pictured).hasSize(10).contains(ANA).doesNotContain(ANJALI);
			assertThat(jdbc
				.sql("SELECT count(DISTINCT version) FROM practitioner_photo WHERE practitioner_id IN ("
						+ DEMO_PRACTITIONERS + ")")
				.query(Long.class)
				.single()).as("each picture its own").isEqualTo(10);
		}

		@Test
		void asksADepositForProceduresAndALateCancellationFeeForMassage(
				@Autowired org.unknot.payment.PaymentPolicies policies) {
			assertThat(policies.shown(ServiceId.of("swedish-60"), 10000).lines())
				.contains("Cancelling less than 24 hours before the visit costs a late-cancellation fee of $40.");
			assertThat(policies.of(ServiceId.of("nerve-block")).due())
				.isEqualTo(org.unknot.payment.PaymentPolicy.Due.DEPOSIT);
			assertThat(policies.of(ServiceId.of("nerve-block")).deposit()).isEqualTo(org.unknot.system.Money.usd(7500));
		}

		@Test
		void offersExactlyTheCatalog() {
			List<String> catalog = new ArrayList<>();
			for (String style : List.of("swedish", "deep-tissue", "trigger-point", "myofascial-release", "shiatsu")) {
				List.of(30, 60, 90).forEach(minutes -> catalog.add(style + "-" + minutes));
			}
			catalog.addAll(List.of("pain-consultation", "pain-follow-up", "trigger-point-injection", "nerve-block",
					"facet-injection", "prp-injection", "radiofrequency-ablation", "physical-therapy-evaluation",
					"physical-therapy-45", "pain-counselling"));

			List<String> offered = jdbc
				.sql("SELECT DISTINCT service_id FROM practitioner_service WHERE practitioner_id IN ("
						+ DEMO_PRACTITIONERS + ")")
				.query(String.class)
				.list();

			assertThat(offered).containsExactlyInAnyOrderElementsOf(catalog);
			assertThat(jdbc.sql("SELECT count(*) FROM care_service WHERE max_advance_days >= 366 AND id = ANY(?)")
				.param(catalog.toArray(String[]::new))
				.query(Long.class)
				.single()).isEqualTo(catalog.size());
			assertThat(jdbc.sql("""
					SELECT id FROM care_service WHERE id = ANY(?) AND category = 'PROCEDURE'
					  AND prerequisite_category = 'CONSULTATION' AND room_kind = 'PROCEDURE_ROOM'
					  AND min_notice_minutes = 2880 AND slot_step_minutes = 30""")
				.param(catalog.toArray(String[]::new))
				.query(String.class)
				.list()).hasSize(5);
			assertThat(jdbc.sql("SELECT id FROM care_service WHERE virtual AND in_person AND id = ANY(?)")
				.param(catalog.toArray(String[]::new))
				.query(String.class)
				.list()).contains("pain-consultation", "pain-counselling");
		}

		@Test
		void givesEveryServiceSomeoneLicensedForItWithHoursWhereItIsOffered() {
			List<String> unbookable = jdbc
				.sql("""
						SELECT s.id FROM care_service s
						WHERE s.id IN (SELECT service_id FROM practitioner_service WHERE practitioner_id IN (%s))
						  AND NOT EXISTS (
						    SELECT 1 FROM practitioner_service ps
						    JOIN practitioner_licence l ON l.practitioner_id = ps.practitioner_id
						    JOIN working_hours h ON h.practitioner_id = ps.practitioner_id
						    LEFT JOIN room r ON r.clinic_id = h.clinic_id AND r.kind = s.room_kind
						    WHERE ps.service_id = s.id AND l.type = ANY(s.licence_types) AND l.state = 'NJ'
						      AND l.expires_on > CAST(? AS date) + 366
						      AND ((h.clinic_id IS NULL AND s.virtual)
						        OR (h.clinic_id IS NOT NULL AND s.in_person AND (s.room_kind IS NULL OR r.id IS NOT NULL))))"""
					.formatted(DEMO_PRACTITIONERS))
				.param(today)
				.query(String.class)
				.list();

			assertThat(unbookable).isEmpty();
		}

		@Test
		void hasPractitionersOfEveryProfessionWithValidNpis() {
			List<Map<String, Object>> people = jdbc
				.sql("SELECT profession, npi, bio, languages::text AS languages FROM practitioner WHERE id IN ("
						+ DEMO_PRACTITIONERS + ")")
				.query()
				.listOfRows();

			assertThat(people).hasSizeGreaterThanOrEqualTo(14)
				.allSatisfy(p -> assertThat(validNpi((String) p.get("npi"))).as("NPI %s", p.get("npi")).isTrue())
				.allSatisfy(p -> assertThat((String) p.get("bio")).isNotBlank());
			assertThat(people.stream().map(p -> p.get("profession")).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder("LMT", "PT", "MD", "DO", "PSYCHOLOGIST");
			assertThat(people.stream().map(p -> p.get("npi")).toList()).doesNotHaveDuplicates();
			String languages = people.stream().map(p -> (String) p.get("languages")).collect(Collectors.joining());
			assertThat(languages).contains("Spanish", "Portuguese", "Korean", "Hindi", "Polish");
		}

		@Test
		void checksNpisLikeTheRegistryDoes() {
			assertThat(validNpi("1234567893")).isTrue();
			assertThat(validNpi("1234567894")).isFalse();
			assertThat(validNpi("123456789")).isFalse();
		}

		@Test
		void hasOneLicenceAboutToExpireAndOneExpired() {
			List<String> expiringSoon = licenceHolders("l.expires_on BETWEEN CAST(? AS date) AND CAST(? AS date) + 30",
					today, today);
			List<String> expired = licenceHolders("l.expires_on < ?", today);

			assertThat(expiringSoon).containsExactly("grace-min");
			assertThat(expired).containsExactly(OWEN);
		}

		@Test
		void changesOnePractitionersHoursOnADateAhead() {
			List<LocalDate> changes = jdbc.sql("""
					SELECT effective_from FROM working_hours
					WHERE practitioner_id IN (%s) AND effective_from > ?""".formatted(DEMO_PRACTITIONERS))
				.param(today)
				.query(LocalDate.class)
				.list();

			assertThat(changes).isNotEmpty().allMatch(day -> day.isAfter(today.plusMonths(2)));
			assertThat(jdbc.sql("SELECT count(*) FROM working_hours WHERE effective_to = ?")
				.param(changes.get(0).minusDays(1))
				.query(Long.class)
				.single()).isPositive();
		}

		private List<String> licenceHolders(String condition, Object... params) {
			return jdbc
				.sql("SELECT l.practitioner_id FROM practitioner_licence l WHERE l.practitioner_id IN ("
						+ DEMO_PRACTITIONERS + ") AND " + condition)
				.params(params)
				.query(String.class)
				.list();
		}

	}

	@Nested
	class ThroughTheApi {

		@Test
		void offersSwedishMassageInMontclairNextWeek() {
			JsonNode found = availability("swedish-60", "montclair", null, nextMonday, nextMonday.plusDays(6));

			assertThat(found.path("slots").size()).isPositive();
			assertThat(found.path("timeZone").asString()).isEqualTo("America/New_York");
		}

		@Test
		void listsWhoOffersAServiceAtALocation() {
			Answer inMontclair = get("/api/v1/practitioners?service=swedish-60&location=montclair");
			Answer byVideo = get("/api/v1/practitioners?service=pain-counselling&location=virtual");

			assertThat(inMontclair.status()).as(inMontclair.body()).isEqualTo(200);
			assertThat(inMontclair.json().valueStream().map(p -> p.path("id").asString()))
				.containsExactlyInAnyOrder(ANA, "daniel-kowalski", "naomi-sato");
			assertThat(byVideo.json().valueStream().map(p -> p.path("id").asString()))
				.containsExactlyInAnyOrder("tomas-reyes", "leah-goldberg");
		}

		@Test
		void offersPainConsultationsByVideo() {
			JsonNode found = availability("pain-consultation", "virtual", null, nextMonday, nextMonday.plusDays(6));

			assertThat(found.path("slots").size()).isPositive();
		}

		@Test
		void neverOffersThePractitionerWhoseLicenceHasExpired() {
			assertThat(
					jdbc.sql("SELECT count(*) FROM working_hours WHERE practitioner_id = ? AND clinic_id = 'red-bank'")
						.param(OWEN)
						.query(Long.class)
						.single())
				.as("he still has hours")
				.isPositive();

			JsonNode everyone = availability("swedish-60", "red-bank", null, nextMonday, nextMonday.plusDays(13));
			JsonNode owen = availability("swedish-60", "red-bank", OWEN, nextMonday, nextMonday.plusDays(13));

			assertThat(everyone.path("slots").size()).isPositive();
			assertThat(everyone.path("slots").valueStream().map(slot -> slot.path("practitioner").asString()))
				.doesNotContain(OWEN);
			assertThat(owen.path("slots").size()).isZero();
		}

		// two weeks of dates, so that a holiday cannot leave a test without a free time

		@Test
		void asksForAConsultationBeforeAProcedure() {
			JsonNode found = availability("nerve-block", "montclair", ANJALI, nextMonday, nextMonday.plusDays(13));
			assertThat(found.path("prerequisites").get(0).path("category").asString()).isEqualTo("CONSULTATION");

			Answer procedure = book("nerve-block", ANJALI, "montclair", firstStart(found), newPatient());

			assertThat(procedure.status()).as(procedure.body()).isEqualTo(422);
			assertThat(procedure.json().path("type").asString()).endsWith("prerequisite-missing");
		}

		@Test
		void booksAProcedureAfterAConsultation() {
			Map<String, Object> patient = newPatient();
			JsonNode consultations = availability("pain-consultation", "montclair", ANJALI, nextMonday,
					nextMonday.plusDays(13));
			OffsetDateTime consulted = firstStart(consultations);
			Answer consultation = book("pain-consultation", ANJALI, "montclair", consulted, patient);
			assertThat(consultation.status()).as(consultation.body()).isEqualTo(201);

			LocalDate dayAfter = consulted.atZoneSameInstant(NEW_YORK).toLocalDate().plusDays(1);
			JsonNode procedures = availability("facet-injection", "montclair", ANJALI, dayAfter, dayAfter.plusDays(13));
			Answer procedure = book("facet-injection", ANJALI, "montclair", firstStart(procedures), patient);

			assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
			assertThat(procedure.json().path("location").asString()).isEqualTo("montclair");
		}

		@Test
		void booksAYearOfFortnightlyMassagesAtOnce() {
			// no demo clinic closes on a Wednesday
			LocalDate wednesday = nextMonday.plusDays(2);
			OffsetDateTime first = firstStart(availability("swedish-60", "montclair", ANA, wednesday, wednesday));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", "swedish-60");
			body.put("practitioner", ANA);
			body.put("location", "montclair");
			body.put("firstStart", first.toString());
			body.put("every", "P2W");
			body.put("count", 26);
			body.put("allOrNothing", true);
			body.put("patient", newPatient());

			Answer series = post("/api/v1/series", agreeing(body));

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			List<ZonedDateTime> starts = series.json()
				.path("booked")
				.valueStream()
				.map(visit -> OffsetDateTime.parse(visit.path("start").asString()).atZoneSameInstant(NEW_YORK))
				.toList();
			assertThat(starts).hasSize(26)
				.allMatch(start -> start.toLocalTime().equals(first.atZoneSameInstant(NEW_YORK).toLocalTime()));
			assertThat(starts.get(25).toLocalDate()).isEqualTo(wednesday.plusWeeks(50));
		}

	}

	static boolean validNpi(String npi) {
		if (npi == null || !npi.matches("[12]\\d{9}")) {
			return false;
		}
		String digits = "80840" + npi;
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	// a small HTTP client: the booking tests' ApiClient is private to their package

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	record Answer(int status, String body, JsonNode json) {
	}

	JsonNode availability(String service, String location, String practitioner, LocalDate from, LocalDate to) {
		Answer answer = get("/api/v1/availability?service=" + service + "&location=" + location
				+ (practitioner == null ? "" : "&practitioner=" + practitioner) + "&from=" + from + "&to=" + to);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	static OffsetDateTime firstStart(JsonNode availability) {
		JsonNode slots = availability.path("slots");
		assertThat(slots.size()).as("free times on " + availability.path("from").asString()).isPositive();
		return OffsetDateTime.parse(slots.get(0).path("start").asString());
	}

	Answer book(String service, String practitioner, String location, OffsetDateTime start,
			Map<String, Object> patient) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", service);
		body.put("practitioner", practitioner);
		body.put("location", location);
		body.put("start", start.toString());
		body.put("patient", patient);
		return post("/api/v1/appointments", agreeing(body));
	}

	/**
	 * As a client does for a service whose payment policy asks agreement: shows the
	 * policy, and states that the patient agreed to this version of it.
	 */
	Map<String, Object> agreeing(Map<String, Object> body) {
		JsonNode policy = get("/api/v1/services/" + body.get("service") + "/payment-policy").json();
		if (policy.path("agreementRequired").asBoolean()) {
			body.put("policyAgreed", true);
			body.put("policyVersion", policy.path("version").asString());
		}
		return body;
	}

	static Map<String, Object> newPatient() {
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("givenName", "Dana");
		patient.put("familyName", "Demo");
		patient.put("email", "demo-" + UUID.randomUUID() + "@example.org");
		patient.put("phone", "(973) 555-0177");
		patient.put("birthDate", "1979-06-14");
		return patient;
	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	Answer post(String path, Map<String, Object> body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			return new Answer(response.statusCode(), body, body.isBlank() ? json.missingNode() : json.readTree(body));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the application", e);
		}
	}

}
