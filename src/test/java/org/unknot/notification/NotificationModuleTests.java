package org.unknot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unknot.TestNetwork;
import org.unknot.booking.AppointmentBooked;
import org.unknot.booking.Appointments;
import org.unknot.booking.BookingDesk;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.calendar.CalendarInvitations;
import org.unknot.calendar.CalendarProperties;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

/**
 * The notification module with the patient module and nothing of booking or the calendar
 * but their event and the few beans its composer and dispatcher name (mocked, and never
 * called here): a booking event alone plans the confirmation and the reminders in the
 * outbox.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = { "patient", "system", "catalog" })
@ActiveProfiles("test")
// a context of its own, shared with no other test class: closed (and its database
// dropped) when done
@DirtiesContext
class NotificationModuleTests {

	@MockitoBean
	Appointments appointments;

	@MockitoBean
	BookingDesk desk;

	@MockitoBean
	AppointmentCalendar calendar;

	@MockitoBean
	CalendarInvitations invitations;

	@MockitoBean
	CalendarProperties calendarSettings;

	@Autowired
	Patients patients;

	@Autowired
	OutboxMessages outbox;

	@Test
	void anAppointmentBookedPlansItsConfirmationAndRemindersInTheOutbox(Scenario scenario) {
		UUID patient = patients.identify(new PatientDetails("Ana", "Module",
				"ana." + TestNetwork.shortId() + "@example.org", null, LocalDate.of(1990, 1, 1)));
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.now().plus(Duration.ofDays(10));

		scenario
			.publish(new AppointmentBooked(appointment, PatientId.of(patient), null, ServiceId.of(TestNetwork.MASSAGE),
					PractitionerId.of("p-1"), LocationId.of("clinic-1"), start, start.plus(Duration.ofHours(1)), 1))
			.andWaitForStateChange(() -> outbox.about(appointment), messages -> !messages.isEmpty())
			.andVerify(messages -> {
				assertThat(messages).filteredOn(m -> m.kind() == MessageKind.BOOKED)
					.singleElement()
					.satisfies(confirmation -> {
						assertThat(confirmation.patientId()).isEqualTo(patient);
						assertThat(confirmation.channel()).isEqualTo(Channel.EMAIL);
						assertThat(confirmation.status()).isEqualTo("pending");
					});
				assertThat(messages).filteredOn(m -> m.kind() == MessageKind.REMINDER)
					.isNotEmpty()
					.allSatisfy(reminder -> assertThat(reminder.dueAt()).isBefore(start));
			});
	}

}
