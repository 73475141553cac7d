package org.unknot.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.account.AccountDesk;
import org.unknot.account.AccountDesk.NewAccount;
import org.unknot.account.Accounts;
import org.unknot.account.Role;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;

/**
 * A fictional patient with an account, a treatment plan with Ana Ribeiro at Montclair
 * whose six bi-weekly visits are booked through the same plan booking as staff use, and
 * outcome scores from the weeks before it, so a newcomer can sign in to the patient
 * portal and see visits, progress and a questionnaire due, move a visit, or cancel it.
 */
@Component
class DemoPatient {

	static final String EMAIL = "patient@unknot.example";
	static final PatientDetails DETAILS = new PatientDetails("Jordan", "Ellis", EMAIL, "(973) 555-0142",
			LocalDate.of(1988, 5, 17));
	static final int VISITS = DemoCare.VISITS;

	private final AccountDesk accounts;

	private final Accounts existing;

	private final Patients patients;

	private final DemoCare care;

	private final DemoProgress progress;

	private final DemoPayments payments;

	DemoPatient(AccountDesk accounts, Accounts existing, Patients patients, DemoCare care, DemoProgress progress,
			DemoPayments payments) {
		this.payments = payments;
		this.accounts = accounts;
		this.existing = existing;
		this.patients = patients;
		this.care = care;
		this.progress = progress;
	}

	/**
	 * Opens the account and books the plan's course, once. Answers the plan and its
	 * booked course, or empty if the patient was there already (or Ana had no free time).
	 */
	Optional<DemoCare.Course> load() {
		if (existing.byEmail(EMAIL).isPresent()) {
			return Optional.empty();
		}
		UUID patientId = patients.identify(DETAILS);
		accounts.create(new NewAccount(EMAIL, DETAILS.givenName() + " " + DETAILS.familyName(), Role.PATIENT, List.of(),
				null, patientId, DemoAccounts.PASSWORD));
		Optional<DemoCare.Course> course = care.load(patientId);
		progress.write(patientId, course.orElse(null));
		course.ifPresent(booked -> payments.paidAhead(booked.outcome()));
		return course;
	}

}
