package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.availability.Occupancy.BusyBlock;
import org.unknot.availability.Occupancy.Taken;

/**
 * What is taken is read from PostgreSQL, or answered from memory when PostgreSQL's
 * snapshot shows that no transaction has ended since: never a stale answer, whoever
 * changed what.
 */
@UnknotIntegrationTest
class TakenTimesTests {

	static final Instant TEN = OffsetDateTime.parse("2027-05-10T10:00-04:00").toInstant();
	static final Instant DAY_STARTS = OffsetDateTime.parse("2027-05-10T00:00-04:00").toInstant();
	static final Instant DAY_ENDS = DAY_STARTS.plusSeconds(26 * 3600);

	@Autowired
	TakenTimes taken;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MeterRegistry meters;

	String clinic;

	String therapist;

	String room;

	@BeforeEach
	void openAClinic() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		room = clinic + "-massage_room-1";
	}

	@Nested
	class OutsideATransaction {

		@Test
		void answersAQuestionAskedAgainFromMemoryWhileNothingIsCommitted() {
			// a background job (the outbox, say) may commit in between now and then: try
			// a few times
			boolean answeredFromMemory = false;
			for (int attempt = 0; attempt < 5 && !answeredFromMemory; attempt++) {
				double reads = answered("read");
				double remembered = answered("remembered");
				ask(Instant.now());
				ask(Instant.now());
				answeredFromMemory = answered("read") - reads == 1 && answered("remembered") - remembered == 1;
			}

			assertThat(answeredFromMemory).isTrue();
		}

		@Test
		void seesAVisitWrittenByHandAsSoonAsItIsCommitted() {
			assertThat(ask(Instant.now()).blocks()).isEmpty();

			insert("booked", TEN, null);

			assertThat(ask(Instant.now()).blocks()).extracting(BusyBlock::from).containsExactly(TEN);
		}

		@Test
		void letsARememberedHoldStopBlockingWhenItExpires() {
			Instant expires = Instant.now().plusSeconds(600);
			insert("pending", TEN, expires);
			Taken whileHeld = ask(expires.minusSeconds(1));

			Taken afterwards = ask(expires);

			assertThat(whileHeld.blocks()).hasSize(1);
			assertThat(whileHeld.expiredHolds()).isFalse();
			assertThat(afterwards.blocks()).isEmpty();
			assertThat(afterwards.expiredHolds()).as("the expired hold is still to be swept away").isTrue();
		}

	}

	@Nested
	class WhileOthersCommit {

		@Test
		void keepsAnsweringFromMemoryWhenTheCommitsWroteNoAppointment() {
			// the hold sweep writes appointments once a minute: try a few times
			boolean answeredFromMemory = false;
			for (int attempt = 0; attempt < 5 && !answeredFromMemory; attempt++) {
				ask(Instant.now());
				double reads = answered("read");
				double remembered = answered("remembered");
				commitSomethingElse();
				commitSomethingElse();
				ask(Instant.now());
				answeredFromMemory = answered("read") == reads && answered("remembered") - remembered == 1;
			}

			assertThat(answeredFromMemory).isTrue();
		}

		@Test
		void seesAHoldDeletedByHandAfterOtherCommits() {
			insert("pending", TEN, Instant.now().plusSeconds(600));
			assertThat(ask(Instant.now()).blocks()).hasSize(1);
			commitSomethingElse();
			ask(Instant.now());

			jdbc.sql("DELETE FROM appointment WHERE practitioner_id = ?").param(therapist).update();
			commitSomethingElse();

			assertThat(ask(Instant.now()).blocks()).isEmpty();
		}

		@Test
		void seesAChangeOfTheReferenceData() {
			long before = ask(Instant.now()).referenceVersion();

			jdbc.sql("UPDATE clinic SET name = name || ' ' WHERE id = ?").param(clinic).update();

			assertThat(ask(Instant.now()).referenceVersion()).isGreaterThan(before);
		}

		@Test
		void readsAgainOnceTheNotesOfChangesAreCleared() {
			ask(Instant.now());
			double reads = answered("read");
			commitSomethingElse(); // so that the horizon moves past the remembered
									// snapshot

			taken.forgetOldChanges();
			Taken afterwards = ask(Instant.now());
			insert("booked", TEN, null);
			Taken afterAVisit = ask(Instant.now());

			assertThat(answered("read") - reads).as("the cleared notes cannot vouch for older answers").isEqualTo(2);
			assertThat(afterwards.blocks()).isEmpty();
			assertThat(afterAVisit.blocks()).extracting(BusyBlock::from).containsExactly(TEN);
		}

		@Test
		void seesAVisitWrittenBetweenReadsOfOtherQuestions() {
			// a read joins the remembered answers only if no appointment was written
			// since
			// they were read: the first question, remembered before the visit, is read
			// again
			ask(Instant.now());
			Taken other = taken.busy(List.of(therapist), List.of(room), DAY_STARTS.plusSeconds(86_400),
					DAY_ENDS.plusSeconds(86_400), Instant.now(), null);
			insert("booked", TEN, null);
			taken.busy(List.of(therapist), List.of(room), DAY_STARTS.plusSeconds(2 * 86_400),
					DAY_ENDS.plusSeconds(2 * 86_400), Instant.now(), null);

			assertThat(other.blocks()).isEmpty();
			assertThat(ask(Instant.now()).blocks()).extracting(BusyBlock::from).containsExactly(TEN);
		}

		private void commitSomethingElse() {
			UUID patient = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO patient (id, email, birth_date, given_name, family_name)
					VALUES (?, ?, DATE '1981-01-01', 'Some', 'One')""")
				.params(patient, patient + "@example.org")
				.update();
		}

	}

	@Nested
	class InsideATransaction {

		@Test
		void seesItsOwnUncommittedVisitThoughNothingWasCommittedMeanwhile() {
			ask(Instant.now());

			List<BusyBlock> seenInside = new TransactionTemplate(transactions).execute(status -> {
				insert("booked", TEN, null);
				List<BusyBlock> blocks = ask(Instant.now()).blocks();
				status.setRollbackOnly();
				return blocks;
			});

			assertThat(seenInside).extracting(BusyBlock::from).containsExactly(TEN);
		}

		@Test
		void leavesNothingBehindThatARollbackUndid() {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				insert("booked", TEN, null);
				ask(Instant.now());
				status.setRollbackOnly();
			});

			assertThat(ask(Instant.now()).blocks()).isEmpty();
		}

	}

	private double answered(String how) {
		return meters.counter(TakenTimes.ANSWERS, "answered", how).count();
	}

	private Taken ask(Instant now) {
		return taken.busy(List.of(therapist), List.of(room), DAY_STARTS, DAY_ENDS, now, null);
	}

	private void insert(String status, Instant start, Instant holdExpires) {
		OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
		UUID patient = null;
		if (holdExpires == null) {
			patient = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO patient (id, email, birth_date, given_name, family_name)
					VALUES (?, ?, DATE '1980-01-01', 'Taken', 'Times')""")
				.params(patient, patient + "@example.org")
				.update();
		}
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
				    patient_id, start_at, end_at, blocked_from, blocked_to, hold_expires_at)
				VALUES (?, ?, ?, ?, ?, ?, 'MASSAGE_ROOM', ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), status, TestNetwork.MASSAGE, therapist, clinic, room, patient, from,
					from.plusMinutes(60), from, from.plusMinutes(75),
					holdExpires == null ? null : holdExpires.atOffset(ZoneOffset.UTC))
			.update();
	}

}
