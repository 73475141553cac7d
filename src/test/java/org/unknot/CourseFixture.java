package org.unknot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;

/**
 * A massage therapist of their own at a clinic of their own, working weekdays, whose
 * patients come for weekly plans of care of the test massage: each visit booked at the
 * desk in turn (five a day from the week of {@link #MONDAY}, an hour and a half apart),
 * linked to the patient's plan, which is signed when its first visit is booked.
 */
public final class CourseFixture {

	public static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	private final JdbcClient jdbc;

	private final BookingDesk desk;

	private final TreatmentPlans plans;

	private final PlanFixture signing;

	private final String therapist;

	private final String clinic;

	private int slot;

	public CourseFixture(JdbcClient jdbc, BookingDesk desk, Assessments assessments, TreatmentPlans plans) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.plans = plans;
		this.signing = new PlanFixture(assessments, plans);
		TestNetwork network = new TestNetwork(jdbc);
		this.clinic = network.clinic(1, 0, 0);
		this.therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	public String therapist() {
		return therapist;
	}

	public String clinic() {
		return clinic;
	}

	/** A new patient of this family name, with a weekly plan of so many visits. */
	public Course course(String familyName, int visits) {
		return new Course(new PatientDetails("Pat", familyName, "course-" + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1975, 5, 5)), visits);
	}

	/** One patient's plan and its visits. */
	public final class Course {

		private final PatientDetails details;

		private final int visits;

		private UUID patient;

		private TreatmentPlan plan;

		private Course(PatientDetails details, int visits) {
			this.details = details;
			this.visits = visits;
		}

		/** Nobody until the first visit is booked. */
		public UUID patient() {
			return patient;
		}

		/** None until the first visit is booked. */
		public TreatmentPlan plan() {
			return plan;
		}

		/** The next visit, booked for the plan. */
		public Booked book() {
			int n = slot++;
			Instant start = MONDAY.plusWeeks(n / 25)
				.plusDays(n / 5 % 5)
				.atTime(9, 0)
				.plusMinutes(90L * (n % 5))
				.atZone(ZoneId.of(TestNetwork.ZONE))
				.toInstant();
			Booked visit = desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
					LocationId.of(clinic), start), null, details);
			if (plan == null) {
				patient = visit.appointment().patientId().value();
				plan = signing.signed(patient, therapist, TestNetwork.MASSAGE, 1, visits, MONDAY);
			}
			plans.link(plan.id(), visit.appointment().id(), Instant.now());
			return visit;
		}

		/** The next visit, booked for the plan and done. */
		public Booked done() {
			Booked visit = book();
			jdbc.sql("UPDATE appointment SET status = 'fulfilled' WHERE id = ?")
				.param(visit.appointment().id())
				.update();
			return visit;
		}

	}

}
