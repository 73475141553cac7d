package org.unknot.website.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.unknot.PaidService;
import org.unknot.TestNetwork;
import org.unknot.booking.Booked;
import org.unknot.patient.PatientDetails;
import org.unknot.visit.VisitBooking;

/**
 * For tests of the pages after "Book now": a visit of a paid service booked by a new
 * self-paying patient, and the website's draft of it as the booking flow leaves it, so
 * that its confirmation page can be opened.
 */
final class BookedDrafts {

	private BookedDrafts() {
	}

	/** The draft's id, for {@code /book/{id}/confirmed}. */
	static String booked(Drafts drafts, VisitBooking booking, PaidService paid, String name) {
		String email = name.toLowerCase() + "." + UUID.randomUUID() + "@example.org";
		LocalDateTime start = LocalDateTime.of(2027, 6, 14, 11, 0);
		Booked booked = paid.bookedBy(booking,
				new PatientDetails(name, "Deposit", email, null, LocalDate.of(1990, 1, 2)), start);
		Draft draft = new Draft();
		draft.service = paid.id();
		draft.location = paid.clinic();
		draft.practitioner = paid.therapist();
		draft.start = start.atZone(ZoneId.of(TestNetwork.ZONE)).toOffsetDateTime().toString();
		draft.givenName = name;
		draft.familyName = "Deposit";
		draft.email = email;
		draft.birthDate = "1990-01-02";
		draft.plan = Draft.SELF_PAY;
		draft.booked.add(new Draft.BookedVisit(booked.appointment().id().toString(), booked.manageToken()));
		return drafts.create(draft);
	}

}
