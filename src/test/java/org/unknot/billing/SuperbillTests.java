package org.unknot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.care.DiagnosisCode;
import org.unknot.system.Money;

class SuperbillTests {

	static final Superbill.Patient PATIENT = new Superbill.Patient(UUID.randomUUID(), "Jordan Ellis",
			LocalDate.of(1988, 5, 17), "+19735550142", "jordan@example.org");

	static final Superbill.Clinic CLINIC = new Superbill.Clinic("Unknot Montclair", "48 Orchard Crest Avenue",
			"Montclair", "NJ", "07042", "(973) 555-0142", "90-1234567", java.time.ZoneId.of("America/New_York"));

	static final Superbill.Practitioner ANA = new Superbill.Practitioner("Ana Ribeiro, LMT", "1245183078",
			"225700000X");

	static final DiagnosisCode NECK = new DiagnosisCode("M54.2", "Cervicalgia");

	static final DiagnosisCode THORACIC = new DiagnosisCode("M54.6", "Pain in thoracic spine");

	static final DiagnosisCode SPASM = new DiagnosisCode("M62.830", "Muscle spasm of back");

	static final DiagnosisCode LOW_BACK = new DiagnosisCode("M54.50", "Low back pain, unspecified");

	static final DiagnosisCode SHOULDER = new DiagnosisCode("M25.511", "Pain in right shoulder");

	static final LocalDate FROM = LocalDate.of(2027, 3, 1);

	static final LocalDate TO = LocalDate.of(2027, 3, 31);

	@Nested
	class Lines {

		@Test
		void billAnHourOfMassageAsFourUnitsOfTheFullFee() {
			Superbill bill = bill(visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
					List.of(NECK)));

			assertThat(bill.lines()).singleElement().satisfies(line -> {
				assertThat(line.code()).isEqualTo("97124");
				assertThat(line.units()).isEqualTo(4);
				assertThat(line.place().code()).isEqualTo("11");
				assertThat(line.modifiers()).isEmpty();
				assertThat(line.charge()).isEqualTo(Money.usd(11000));
			});
			assertThat(bill.charged()).isEqualTo(Money.usd(11000));
		}

		@Test
		void ofAVideoVisitCarryModifier95AndItsPlaceOfService() {
			Superbill bill = bill(visit(LocalDate.of(2027, 3, 15), PlaceOfService.PATIENT_HOME,
					List.of("99213", "99214"), 30, 14000, List.of(NECK)));

			assertThat(bill.lines()).singleElement().satisfies(line -> {
				assertThat(line.code()).isEqualTo("99213");
				assertThat(line.modifiers()).containsExactly("95");
				assertThat(line.place().code()).isEqualTo("10");
			});
		}

		@Test
		void shareTheFeeByUnitsInCentsThatAddUpExactly() {
			Superbill bill = bill(visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97110", "97140"), 45,
					12001, List.of(NECK)));

			assertThat(bill.lines()).extracting(Superbill.Line::units).containsExactly(2, 1);
			assertThat(bill.lines()).extracting(Superbill.Line::charge)
				.containsExactly(Money.usd(8001), Money.usd(4000));
			assertThat(bill.charged()).isEqualTo(Money.usd(12001));
		}

		@Test
		void neverLoseOrInventACentWhateverTheFeeAndMinutes() {
			Random random = new Random(15);
			for (int run = 0; run < 500; run++) {
				long fee = random.nextInt(300_000);
				int minutes = 8 + random.nextInt(120);
				Superbill bill = bill(visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE,
						List.of("97110", "97140", "97530", "97112").subList(0, 1 + random.nextInt(4)), minutes, fee,
						List.of(NECK)));

				assertThat(bill.charged()).as("fee %d over %d minutes", fee, minutes).isEqualTo(Money.usd(fee));
				assertThat(bill.lines()).allSatisfy(line -> assertThat(line.charge().isNegative()).isFalse());
			}
		}

		@Test
		void leaveOutAVisitTooShortToBill() {
			Superbill bill = bill(
					visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97124"), 7, 5000, List.of(NECK)));

			assertThat(bill.empty()).isTrue();
			assertThat(bill.charged()).isEqualTo(Money.usd(0));
		}

		@Test
		void comeInTheOrderOfTheDaysOfService() {
			Superbill bill = bill(
					visit(LocalDate.of(2027, 3, 29), PlaceOfService.OFFICE, List.of("97124"), 60, 11000, List.of(NECK)),
					visit(LocalDate.of(2027, 3, 1), PlaceOfService.OFFICE, List.of("97140"), 60, 11500, List.of(NECK)));

			assertThat(bill.datesOfService()).containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 29));
		}

	}

	@Nested
	class Diagnoses {

		@Test
		void areLetteredInTheOrderTheVisitsFirstNameThem() {
			Superbill bill = bill(
					visit(LocalDate.of(2027, 3, 1), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
							List.of(THORACIC, NECK)),
					visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
							List.of(NECK, SPASM)));

			assertThat(bill.diagnoses()).extracting(Superbill.Diagnosis::letter).containsExactly('A', 'B', 'C');
			assertThat(bill.diagnoses()).extracting(Superbill.Diagnosis::code)
				.containsExactly("M54.6", "M54.2", "M62.830");
			assertThat(bill.lines()).extracting(Superbill.Line::pointers).containsExactly("AB", "BC");
		}

		@Test
		void pointAtNoMoreThanFourPerLine() {
			Superbill bill = bill(visit(LocalDate.of(2027, 3, 1), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
					List.of(NECK, THORACIC, SPASM, LOW_BACK, SHOULDER)));

			assertThat(bill.lines().get(0).pointers()).isEqualTo("ABCD");
			assertThat(bill.diagnoses()).hasSize(5);
		}

		@Test
		void stopAtTheTwelveAClaimHolds() {
			List<Superbill.Visit> visits = new java.util.ArrayList<>();
			for (int i = 0; i < 14; i++) {
				visits.add(visit(FROM.plusDays(i), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
						List.of(new DiagnosisCode("M79.6" + (char) ('A' + i), "Pain in limb " + i))));
			}

			Superbill bill = Superbill.of(PATIENT, CLINIC, FROM, TO, visits, List.of());

			assertThat(bill.diagnoses()).hasSize(12).last().extracting(Superbill.Diagnosis::letter).isEqualTo('L');
			assertThat(bill.lines().get(13).pointers()).isEmpty();
		}

	}

	@Nested
	class Payments {

		@Test
		void areCountedAgainstWhatWasCharged() {
			Superbill.Visit visit = visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
					List.of(NECK));

			Superbill bill = Superbill.of(PATIENT, CLINIC, FROM, TO, List.of(visit), List
				.of(new Superbill.Payment(visit.id(), Instant.parse("2027-03-15T15:00:00Z"), "card", Money.usd(8000))));

			assertThat(bill.paid()).isEqualTo(Money.usd(8000));
			assertThat(bill.balance()).isEqualTo(Money.usd(3000));
		}

		@Test
		void forVisitsNotOnTheBillAreLeftOut() {
			Superbill.Visit visit = visit(LocalDate.of(2027, 3, 15), PlaceOfService.OFFICE, List.of("97124"), 60, 11000,
					List.of(NECK));

			Superbill bill = Superbill.of(PATIENT, CLINIC, FROM, TO, List.of(visit),
					List.of(new Superbill.Payment(UUID.randomUUID(), Instant.parse("2027-03-15T15:00:00Z"), "cash",
							Money.usd(5000))));

			assertThat(bill.payments()).isEmpty();
			assertThat(bill.balance()).isEqualTo(Money.usd(11000));
		}

	}

	static Superbill bill(Superbill.Visit... visits) {
		return Superbill.of(PATIENT, CLINIC, FROM, TO, List.of(visits), List.of());
	}

	static Superbill.Visit visit(LocalDate day, PlaceOfService place, List<String> codes, int minutes, long feeCents,
			List<DiagnosisCode> diagnoses) {
		return new Superbill.Visit(UUID.randomUUID(), day, place, ANA, codes, minutes, Money.usd(feeCents), diagnoses);
	}

}
