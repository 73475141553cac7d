package org.unknot.care.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unknot.care.Goal;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.Chart;
import org.unknot.care.measures.Judgement;
import org.unknot.care.measures.Progress;

/**
 * The report drawn as PDF on its own: whatever the text (a name the standard fonts cannot
 * draw, a summary longer than a page, a word wider than the page) a document is made and
 * reads back.
 */
class ReportPdfTests {

	static final String PERIOD = "Charted from Monday, March 1, 2027 to Monday, March 29, 2027, the plan's period; "
			+ "the first point is the baseline.";

	@Test
	void drawsANameInAnotherScriptAsQuestionMarksRatherThanFailing() throws IOException {
		ReportPdf.Drawn drawn = ReportPdf.draw(report("\u674e \u5a1c", "Short and plain."));

		assertThat(text(drawn.pdf())).contains("Patient ? ?").contains("Short and plain.");
		assertThat(drawn.pages()).isOne();
	}

	@Test
	void runsALongSummaryOnToMorePagesAndBreaksAWordWiderThanThePage() throws IOException {
		String longSummary = "The patient reports steady progress. ".repeat(400) + "x".repeat(300);

		ReportPdf.Drawn drawn = ReportPdf.draw(report("Ada Lane", longSummary));

		assertThat(drawn.pages()).isGreaterThan(2);
		String text = text(drawn.pdf());
		assertThat(text).contains("Page 1 of " + drawn.pages())
			.contains("Page " + drawn.pages() + " of " + drawn.pages());
		// the word may run on over a page break, past the footer of the page it leaves
		String footers = "Confidential health information\\. Page \\d+ of \\d+\\.";
		assertThat(text.replaceAll(footers, "").replaceAll("\\s", "")).contains("x".repeat(300));
	}

	@Test
	void writesEachMeasureWithItsVerdictBandAndScores() throws IOException {
		String text = text(ReportPdf.draw(report("Ada Lane", "Fine.")).pdf());

		assertThat(text).contains("Pain intensity (0 to 10), scored out of 10")
			.contains("Pain has gone from 7 to 4: a meaningful improvement.")
			.contains("Scores: Mar 1: 7; Mar 29: 4.");
	}

	@Test
	void namesTheDaysAlongEachChartsTimeAxis() throws IOException {
		List<Chart.Tick> weeks = List.of(new Chart.Tick(36, "Mar 1"), new Chart.Tick(104, "Mar 8"),
				new Chart.Tick(172, "Mar 15"), new Chart.Tick(240, "Mar 22"), new Chart.Tick(308, "Mar 29"));

		String text = text(ReportPdf.draw(report("Ada Lane", "Fine.", weeks)).pdf());

		assertThat(text).contains("Mar 8").contains("Mar 15").contains("Mar 22");
	}

	@Test
	void saysBesideEachChartThePeriodItCovers() throws IOException {
		String text = text(ReportPdf.draw(report("Ada Lane", "Fine.")).pdf()).replaceAll("\\s+", " ");

		assertThat(text).contains(PERIOD);
	}

	@Test
	void saysSoWhenNoMeasureWasScoredInThePlansPeriod() throws IOException {
		ReportContent full = report("Ada Lane", "Fine.");
		ReportContent none = new ReportContent(full.kind(), full.patientName(), full.birthDate(),
				full.practitionerName(), full.serviceName(), full.status(), full.plan(), full.goals(),
				full.techniques(), full.visitsSummary(), full.visits(), List.of(), full.ended(), full.summary(),
				full.followUp(), full.signed());

		assertThat(text(ReportPdf.draw(none).pdf())).contains("No outcome measure was scored in the plan's period.")
			.doesNotContain("Charted from");
	}

	private static ReportContent report(String name, String summary) {
		return report(name, summary, List.of(new Chart.Tick(36, "Mar 1"), new Chart.Tick(308, "Mar 29")));
	}

	private static ReportContent report(String name, String summary, List<Chart.Tick> days) {
		Chart chart = new Chart("36.0,52.8 308.0,93.6",
				List.of(new Chart.Dot(36, 52.8, "7", "Mar 1"), new Chart.Dot(308, 93.6, "4", "Mar 29")), 25.6, 54.4,
				List.of(new Chart.Tick(12, "10"), new Chart.Tick(80, "5"), new Chart.Tick(148, "0")), days);
		Progress.Series pain = new Progress.Series(BuiltInMeasures.PAIN_NRS,
				List.of(new Progress.Point(Instant.parse("2027-03-01T15:00:00Z"), 7, "Mar 1"),
						new Progress.Point(Instant.parse("2027-03-29T14:00:00Z"), 4, "Mar 29")),
				5, 9, Judgement.MEANINGFUL_IMPROVEMENT, "Pain has gone from 7 to 4: a meaningful improvement.",
				"The shaded band runs from 5 to 9.", chart);
		return new ReportContent(ReportKind.PROGRESS, name, "Apr 2, 1985", "Ana Ribeiro", "Swedish massage, 60 minutes",
				"Active", "6 visits, every two weeks", List.of(new Goal("Worst pain in a day", "3/10 or less")),
				"Swedish", "2 of 6 done, 4 booked, 0 still to book",
				List.of(new ReportContent.VisitLine("Mon, Mar 1, 10:00 AM EST", "Montclair", "attended")),
				List.of(new ReportContent.Charted(pain, PERIOD)), null, summary, null,
				"Monday, March 29, 2027 at 10:00 AM EDT by Ana Ribeiro");
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
