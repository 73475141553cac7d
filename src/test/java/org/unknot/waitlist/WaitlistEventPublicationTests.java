package org.unknot.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;
import org.unknot.TestNetwork;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.system.DatabaseLogins;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.CancelledBy;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * A cancellation reaches the waitlist through the event publication registry: the
 * publication is written with the cancellation and stays in {@code event_publication}
 * until the waitlist has recorded the freed time, so neither a failing listener nor a
 * process that stops in between loses the opening. A restart resubmits what is left
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); these tests
 * resubmit by hand, the same call.
 */
@UnknotIntegrationTest
class WaitlistEventPublicationTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	AsTableOwner owner;

	@Autowired
	BookingDesk desk;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Waitlist waitlist;

	String clinic;

	String therapist;

	Instant nine;

	@BeforeEach
	void aTherapistWithABookedVisit() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		nine = LocalDateTime.parse("2027-05-17T09:00").atZone(NEW_YORK).toInstant();
	}

	/**
	 * The refused insert is logged as an error by the listener's thread: expected here.
	 */
	@Test
	void aCancellationWhoseWaitlistListenerFailedIsCompletedWhenResubmitted() {
		Booked booked = book();
		owner = AsTableOwner.of(logins);
		String refusal = "test_refuses_" + TestNetwork.shortId().replace('-', '_');
		owner.jdbc()
			.sql("ALTER TABLE waitlist_opening ADD CONSTRAINT " + refusal + " CHECK (practitioner_id <> '" + therapist
					+ "')")
			.update();
		try {
			desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(publicationsOf(booked.appointment().id()))
					.as("the failed publication stays, marked failed and not completed")
					.singleElement()
					.satisfies(row -> {
						assertThat(row.get("event_type")).isEqualTo(AppointmentCancelled.class.getName());
						assertThat(row.get("status")).isEqualTo("FAILED");
						assertThat(row.get("completion_date")).isNull();
					}));
			assertThat(openings()).isZero();
		}
		finally {
			owner.jdbc().sql("ALTER TABLE waitlist_opening DROP CONSTRAINT " + refusal).update();
		}

		incomplete.resubmitIncompletePublications(about(booked.appointment().id()));

		await().atMost(Duration.ofSeconds(10)).until(() -> openings() == 1);
		await().atMost(Duration.ofSeconds(10))
			.alias("a completed publication is deleted")
			.until(() -> publicationsOf(booked.appointment().id()).isEmpty());
	}

	@Test
	void aPublicationLeftByAProcessThatStoppedBeforeTheListenerRanIsCompletedWhenResubmitted() {
		UUID appointmentId = UUID.randomUUID();
		var cancelled = new AppointmentCancelled(appointmentId, PatientId.of(UUID.randomUUID()), null,
				ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic), nine,
				nine.plus(Duration.ofHours(1)), 2, "patient", CancelledBy.PATIENT);
		// what the cancellation's transaction writes before the listener runs after the
		// commit; the listener never runs here, as when the process stops at that moment
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> registry.store(cancelled, Stream.of(waitlistListener())));

		assertThat(publicationsOf(appointmentId)).singleElement().satisfies(row -> {
			assertThat(row.get("listener_id")).isEqualTo(waitlistListener().getValue());
			assertThat(row.get("completion_date")).isNull();
			assertThat((String) row.get("serialized_event")).contains(appointmentId.toString()).contains(clinic);
		});
		assertThat(openings()).isZero();

		incomplete.resubmitIncompletePublications(about(appointmentId));

		await().atMost(Duration.ofSeconds(10)).until(() -> openings() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> publicationsOf(appointmentId).isEmpty());
	}

	@Test
	void aCancellationHandedToTheWaitlistTwiceOpensTheTimeOnce() {
		var cancelled = new AppointmentCancelled(UUID.randomUUID(), PatientId.of(UUID.randomUUID()), null,
				ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic), nine,
				nine.plus(Duration.ofHours(1)), 2, "patient", CancelledBy.PATIENT);

		// as when a node that starts resubmits a publication another node is handling
		waitlist.on(cancelled);
		waitlist.on(cancelled);

		// the listener runs asynchronously: wait for the first, then give the second time
		await().atMost(Duration.ofSeconds(10)).until(() -> openings() >= 1);
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(openings()).isEqualTo(1);
	}

	Booked book() {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						nine),
				null, new PatientDetails("Ida", "Restart", "ida." + TestNetwork.shortId() + "@example.org", null,
						LocalDate.of(1985, 1, 1)));
	}

	/** The id Spring gives the waitlist's cancellation listener. */
	static PublicationTargetIdentifier waitlistListener() {
		var method = ReflectionUtils.findMethod(Waitlist.class, "on", AppointmentCancelled.class);
		return PublicationTargetIdentifier
			.of(new TransactionalApplicationListenerMethodAdapter("waitlist", Waitlist.class, method).getListenerId());
	}

	static java.util.function.Predicate<EventPublication> about(UUID appointmentId) {
		return publication -> publication.getEvent() instanceof AppointmentCancelled cancelled
				&& cancelled.appointmentId().equals(appointmentId);
	}

	List<Map<String, Object>> publicationsOf(UUID appointmentId) {
		return jdbc.sql("SELECT * FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + appointmentId + "%")
			.query()
			.listOfRows();
	}

	long openings() {
		return jdbc.sql("SELECT count(*) FROM waitlist_opening WHERE practitioner_id = ? AND start_at = ?")
			.params(therapist, nine.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

}
