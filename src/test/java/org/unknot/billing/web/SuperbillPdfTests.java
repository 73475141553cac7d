package org.unknot.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unknot.billing.PlaceOfService;
import org.unknot.billing.Superbill;
import org.unknot.billing.Superbills;
import org.unknot.care.DiagnosisCode;
import org.unknot.system.Money;

class SuperbillPdfTests {

	static final Superbill.Clinic CLINIC = new Superbill.Clinic("Unknot Montclair", "48 Orchard Crest Avenue",
			"Montclair", "NJ", "07042", "(973) 555-0142", "00-4210701", ZoneId.of("America/New_York"));

	static final Superbill.Practitioner ANA = new Superbill.Practitioner("Ana Ribeiro, LMT", "1245183078",
			"225700000X");

	static final LocalDate DAY = LocalDate.of(2027, 3, 15);

	@Test
	void showsPaymentsTotalPaidAndBalanceWhenALedgerAnswers() throws IOException {
		Superbill.Visit visit = visit(DAY, ANA);
		Superbill bill = Superbill.of(patient("Jordan Ellis"), CLINIC, DAY, DAY, List.of(visit), List
			.of(new Superbill.Payment(visit.id(), Instant.parse("2027-03-15T15:00:00Z"), "card", Money.usd(8000))));

		String text = text(new Superbills.Issued(bill.patient(), DAY, DAY, List.of(bill), true));

		assertThat(text).contains("Paid $80 by card on 03/15/2027")
			.contains("Total paid: $80")
			.contains("Balance: $30");
	}

	@Test
	void leavesPaymentsOutWhenNoLedgerAnswers() throws IOException {
		Superbill bill = Superbill.of(patient("Jordan Ellis"), CLINIC, DAY, DAY, List.of(visit(DAY, ANA)), List.of());

		String text = text(new Superbills.Issued(bill.patient(), DAY, DAY, List.of(bill), false));

		assertThat(text).contains("Total charged: $110").doesNotContain("Total paid").doesNotContain("Balance");
	}

	@Test
	void printsWhatTheFontCannotShowAsAQuestionMarkRatherThanFailing() throws IOException {
		Superbill.Practitioner named = new Superbill.Practitioner("Lúcia Fernandes 🙂 李", "1289065744", "225100000X");
		Superbill bill = Superbill.of(patient("Zoë\u0000 Ng"), CLINIC, DAY, DAY, List.of(visit(DAY, named)), List.of());

		String text = text(new Superbills.Issued(bill.patient(), DAY, DAY, List.of(bill), false));

		assertThat(text).contains("Lúcia Fernandes ? ?").contains("Zoë  Ng");
	}

	@Test
	void runsOntoMorePagesForALongYear() throws IOException {
		List<Superbill.Visit> visits = new ArrayList<>();
		for (int week = 0; week < 52; week++) {
			visits.add(visit(DAY.plusWeeks(week), ANA));
		}
		Superbill bill = Superbill.of(patient("Jordan Ellis"), CLINIC, DAY, DAY.plusYears(1), visits, List.of());

		byte[] pdf = SuperbillPdf
			.of(new Superbills.Issued(bill.patient(), DAY, DAY.plusYears(1), List.of(bill), false));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			assertThat(new PDFTextStripper().getText(document)).contains("03/06/2028")
				.contains("Total charged: $5,720");
		}
	}

	@Test
	void saysSoWhenThereIsNothingToBill() throws IOException {
		String text = text(new Superbills.Issued(patient("Jordan Ellis"), DAY, DAY, List.of(), false));

		assertThat(text).contains("No attended self-pay visits in these days.");
	}

	private static Superbill.Patient patient(String name) {
		return new Superbill.Patient(UUID.randomUUID(), name, LocalDate.of(1988, 5, 17), "+19735550142",
				"patient@example.org");
	}

	private static Superbill.Visit visit(LocalDate day, Superbill.Practitioner practitioner) {
		return new Superbill.Visit(UUID.randomUUID(), day, PlaceOfService.OFFICE, practitioner, List.of("97124"), 60,
				Money.usd(11000), List.of(new DiagnosisCode("M54.2", "Cervicalgia")));
	}

	private static String text(Superbills.Issued issued) throws IOException {
		try (PDDocument document = Loader.loadPDF(SuperbillPdf.of(issued))) {
			return new PDFTextStripper().getText(document);
		}
	}

}
