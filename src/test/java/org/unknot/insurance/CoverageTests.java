package org.unknot.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.catalog.CareService;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;

class CoverageTests {

	static final CareService SWEDISH = service("swedish-60", ServiceCategory.MASSAGE, Set.of("LMT"));
	static final CareService MEDICAL_MASSAGE_BY_PT = service("manual-therapy", ServiceCategory.MASSAGE, Set.of("PT"));
	static final CareService CONSULTATION = service("consultation", ServiceCategory.CONSULTATION, Set.of("MD", "DO"));
	static final CareService PRP = service("prp", ServiceCategory.PROCEDURE, Set.of("MD"));

	@Nested
	class UnderMedicare {

		@Test
		void neverPaysForMassageByAMassageTherapistEvenIfARuleSaysSo() {
			var plan = plan(PayerKind.MEDICARE, new InsurancePlan.Rule(ServiceCategory.MASSAGE, null, true, "covered"));

			Coverage coverage = plan.coverageOf(SWEDISH);

			assertThat(coverage.covered()).isFalse();
			assertThat(coverage.reason()).contains("Medicare").contains("massage therapist").contains("self-pay");
		}

		@Test
		void followsItsRulesForMassageByOtherProfessions() {
			var plan = plan(PayerKind.MEDICARE,
					new InsurancePlan.Rule(null, "manual-therapy", true, "Manual therapy by a PT is covered."));

			assertThat(plan.coverageOf(MEDICAL_MASSAGE_BY_PT))
				.isEqualTo(new Coverage(true, "Manual therapy by a PT is covered."));
		}

		@Test
		void paysForAConsultationItsRulesCover() {
			var plan = plan(PayerKind.MEDICARE,
					new InsurancePlan.Rule(ServiceCategory.CONSULTATION, null, true, "Part B"));

			assertThat(plan.coverageOf(CONSULTATION).covered()).isTrue();
		}

	}

	@Nested
	class UnderACommercialPlan {

		@Test
		void aRuleForTheServiceBeatsTheRuleForItsCategory() {
			var plan = plan(PayerKind.COMMERCIAL, new InsurancePlan.Rule(ServiceCategory.PROCEDURE, null, true, "yes"),
					new InsurancePlan.Rule(null, "prp", false, "PRP is experimental for this plan."));

			assertThat(plan.coverageOf(PRP)).isEqualTo(new Coverage(false, "PRP is experimental for this plan."));
		}

		@Test
		void paysForMassageWhenItsRulesSaySo() {
			var plan = plan(PayerKind.COMMERCIAL, new InsurancePlan.Rule(ServiceCategory.MASSAGE, null, true, "copay"));

			assertThat(plan.coverageOf(SWEDISH).covered()).isTrue();
		}

		@Test
		void aServiceItNamesNowhereIsSelfPay() {
			var plan = plan(PayerKind.COMMERCIAL);

			Coverage coverage = plan.coverageOf(CONSULTATION);

			assertThat(coverage.covered()).isFalse();
			assertThat(coverage.reason())
				.isEqualTo("Test plan does not pay for Consultation, so this visit is self-pay.");
		}

	}

	@Nested
	class MemberIds {

		InsurancePlan medicare = new InsurancePlan("medicare", "Medicare", PayerKind.MEDICARE, "MBI",
				Pattern.compile("[0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z]{2}[0-9]{2}"), List.of());

		@Test
		void areReadWithoutSpacesOrDashesInUpperCase() {
			assertThat(medicare.memberId(" 1eg4-te5-mk73 ")).contains(new MemberId("1EG4TE5MK73"));
		}

		@Test
		void ofTheWrongShapeAreRefused() {
			assertThat(medicare.memberId("12345")).isEmpty();
			assertThat(medicare.memberId("")).isEmpty();
			assertThat(medicare.memberId(null)).isEmpty();
		}

		@Test
		void showOnlyTheirLastFourCharacters() {
			assertThat(new MemberId("1EG4TE5MK73").masked()).isEqualTo("•••••••MK73");
		}

	}

	static InsurancePlan plan(PayerKind kind, InsurancePlan.Rule... rules) {
		return new InsurancePlan("test", "Test plan", kind, "Member ID", Pattern.compile("[A-Z0-9]{4,20}"),
				List.of(rules));
	}

	static CareService service(String id, ServiceCategory category, Set<String> licences) {
		String name = id.substring(0, 1).toUpperCase() + id.substring(1);
		return new CareService(id, name, category, "", Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO,
				RoomKind.MASSAGE_ROOM, true, false, 10000, List.of(), null, Duration.ZERO, 365, Duration.ofMinutes(15),
				licences);
	}

}
