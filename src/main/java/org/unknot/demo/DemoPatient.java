package org.unknot.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unknot.account.AccountDesk;
import org.unknot.account.AccountDesk.NewAccount;
import org.unknot.account.Accounts;
import org.unknot.account.Role;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * A fictional patient with an account and a course of bi-weekly massages with Ana Ribeiro
 * at Montclair, booked through the same desk as any booking, so a newcomer can sign in to
 * the patient portal and see visits, move one, or cancel it.
 */
@Component
class DemoPatient {

	static final String EMAIL = "patient@unknot.example";
	static final PatientDetails DETAILS = new PatientDetails("Jordan", "Ellis", EMAIL, "(973) 555-0142",
			LocalDate.of(1988, 5, 17));
	static final int VISITS = 6;

	private final AccountDesk accounts;

	private final Accounts existing;

	private final AvailabilitySearch availability;

	private final VisitBooking visits;

	private final Clock clock;

	private final DemoProgress progress;

	private final DemoPayments payments;

	DemoPatient(AccountDesk accounts, Accounts existing, AvailabilitySearch availability, VisitBooking visits,
			Clock clock, DemoProgress progress, DemoPayments payments) {
		this.payments = payments;
		this.progress = progress;
		this.accounts = accounts;
		this.existing = existing;
		this.availability = availability;
		this.visits = visits;
		this.clock = clock;
	}

	/**
	 * Books the course from the first free time at least three days ahead and opens the
	 * account, once. Answers the booked course, or empty if the patient was there
	 * already.
	 */
	Optional<SeriesOutcome> load() {
		if (existing.byEmail(EMAIL).isPresent()) {
			return Optional.empty();
		}
		LocalDate from = LocalDate.now(clock.withZone(ZoneId.of(DemoClinics.ZONE))).plusDays(3);
		var first = availability
			.search(new AvailabilityQuery(ServiceId.of("swedish-60"), LocationId.of(DemoClinics.MONTCLAIR),
					PractitionerId.of("ana-ribeiro"), from, from.plusDays(20)))
			.slots()
			.stream()
			.findFirst();
		SeriesOutcome booked = first.map(slot -> visits.bookSeries(
				new SlotRequest(ServiceId.of("swedish-60"), PractitionerId.of("ana-ribeiro"),
						LocationId.of(DemoClinics.MONTCLAIR), slot.start().toInstant()),
				null, new Repeat(2, VISITS, false), VisitAnswers.selfPay(DETAILS), BookedBy.PATIENT))
			.orElse(null);
		var patientId = booked == null || booked.booked().isEmpty() ? null
				: booked.booked().get(0).appointment().patientId().value();
		accounts.create(new NewAccount(EMAIL, DETAILS.givenName() + " " + DETAILS.familyName(), Role.PATIENT, List.of(),
				null, patientId, DemoAccounts.PASSWORD));
		if (patientId != null) {
			progress.write(patientId, booked);
			payments.paidAhead(booked);
		}
		return Optional.ofNullable(booked);
	}

}
