package org.unknot.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.InvalidRequest;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

class TreatmentPlanTests {

	static final Instant NOW = Instant.parse("2027-03-15T14:00:00Z");

	static final String ANA = "ana-ribeiro";

	static PlanTerms weekly(int visits) {
		return new PlanTerms(List.of(new Goal("Worst pain in a day", "3/10 or less")),
				Set.of(Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE), 1, visits, LocalDate.of(2027, 3, 15),
				LocalDate.of(2027, 4, 26));
	}

	static TreatmentPlan draft() {
		return TreatmentPlan.draft(UUID.randomUUID(), PatientId.of(UUID.randomUUID()), PractitionerId.of(ANA),
				ServiceId.of("swedish-60"), weekly(6), NOW);
	}

	static TreatmentPlan signed() {
		TreatmentPlan plan = draft();
		plan.sign(ANA, NOW);
		plan.takeEvents();
		return plan;
	}

	@Nested
	class WhenDrafted {

		@Test
		void isRevisedInPlaceWithoutANewVersion() {
			TreatmentPlan plan = draft();

			plan.revise(weekly(8), null, ANA, NOW.plusSeconds(60));

			assertThat(plan.versions()).hasSize(1);
			assertThat(plan.terms().visits()).isEqualTo(8);
		}

		@Test
		void signedByItsPractitionerBecomesActiveAndSaysSo() {
			TreatmentPlan plan = draft();

			plan.sign(ANA, NOW);

			assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
			assertThat(plan.signedAt()).isEqualTo(NOW);
			assertThat(plan.takeEvents()).containsExactly(
					new PlanSigned(plan.id(), PatientId.of(plan.patientId()), PractitionerId.of(ANA), NOW));
		}

		@Test
		void isNotSignedByAnotherPractitioner() {
			TreatmentPlan plan = draft();

			assertThatThrownBy(() -> plan.sign("ben-okafor", NOW)).isInstanceOf(PlanTransitionRefused.class)
				.hasMessageContaining("own practitioner");
			assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		}

		@Test
		void cannotBeCompletedOrReviewed() {
			TreatmentPlan plan = draft();

			assertThatThrownBy(() -> plan.complete(NOW)).isInstanceOf(PlanTransitionRefused.class)
				.hasMessage("A plan that is draft cannot be completed.");
			assertThatThrownBy(plan::startReview).isInstanceOf(PlanTransitionRefused.class);
		}

	}

	@Nested
	class WhenSigned {

		@Test
		void isAmendedAsANewVersionKeepingTheSignedOne() {
			TreatmentPlan plan = signed();

			plan.revise(weekly(10), "Slower progress than hoped; four more visits", ANA, NOW.plusSeconds(3600));

			assertThat(plan.versions()).extracting(PlanVersion::number).containsExactly(1, 2);
			assertThat(plan.versions().get(0).terms().visits()).isEqualTo(6);
			assertThat(plan.terms().visits()).isEqualTo(10);
			assertThat(plan.current().reason()).isEqualTo("Slower progress than hoped; four more visits");
			assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		}

		@Test
		void isNotAmendedWithoutAReason() {
			TreatmentPlan plan = signed();

			assertThatThrownBy(() -> plan.revise(weekly(10), " ", ANA, NOW)).isInstanceOf(InvalidRequest.class);
			assertThat(plan.versions()).hasSize(1);
		}

		@Test
		void cannotBeSignedTwice() {
			TreatmentPlan plan = signed();

			assertThatThrownBy(() -> plan.sign(ANA, NOW)).isInstanceOf(PlanTransitionRefused.class)
				.hasMessage("A plan that is active cannot be signed.");
		}

		@Test
		void goesUnderReviewAndBack() {
			TreatmentPlan plan = signed();

			plan.startReview();
			assertThat(plan.status()).isEqualTo(PlanStatus.UNDER_REVIEW);
			plan.resume();
			assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		}

		@Test
		void completesFromReview() {
			TreatmentPlan plan = signed();
			plan.startReview();

			plan.complete(NOW);

			assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETED);
			assertThat(plan.endedAt()).isEqualTo(NOW);
		}

		@Test
		void isDiscontinuedOnlyWithAReason() {
			TreatmentPlan plan = signed();

			assertThatThrownBy(() -> plan.discontinue("", NOW)).isInstanceOf(InvalidRequest.class);
			plan.discontinue("Moved out of state", NOW);

			assertThat(plan.status()).isEqualTo(PlanStatus.DISCONTINUED);
			assertThat(plan.discontinueReason()).isEqualTo("Moved out of state");
		}

	}

	@Nested
	class WhenEnded {

		@Test
		void refusesEveryVerb() {
			TreatmentPlan plan = signed();
			plan.complete(NOW);

			assertThatThrownBy(() -> plan.revise(weekly(4), "More visits", ANA, NOW))
				.isInstanceOf(PlanTransitionRefused.class)
				.hasMessage("A plan that is completed cannot be amended.");
			assertThatThrownBy(() -> plan.discontinue("Too late", NOW)).isInstanceOf(PlanTransitionRefused.class);
			assertThatThrownBy(plan::resume).isInstanceOf(PlanTransitionRefused.class);
			assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETED);
		}

	}

	@Nested
	class Terms {

		@Test
		void refuseAReviewBeforeTheStartAndTooManyVisits() {
			assertThatThrownBy(() -> new PlanTerms(List.of(new Goal("Turn the head to drive", "80 degrees each way")),
					Set.of(Technique.SWEDISH), 2, 53, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 1)))
				.isInstanceOfSatisfying(InvalidRequest.class,
						invalid -> assertThat(invalid.byField()).containsOnlyKeys("visits", "reviewDate"));
		}

	}

}
