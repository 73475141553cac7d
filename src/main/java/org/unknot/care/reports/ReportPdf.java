package org.unknot.care.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.unknot.care.Goal;
import org.unknot.care.measures.Chart;
import org.unknot.care.measures.Progress;

/**
 * Draws a report on letter pages: the plan, its visits, each outcome measure with its
 * chart (vector lines from the same numbers as the SVG chart on the pages: the band of no
 * meaningful change, the scores and their days) and the words that say what it means, and
 * the practitioner's signed summary.
 */
final class ReportPdf {

	private static final PDRectangle PAGE = PDRectangle.LETTER;

	private static final float MARGIN = 54;

	private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

	private static final float LABEL_WIDTH = 130;

	private static final float LEADING = 14.5f;

	/** The chart's 332 by 180 view box, a little larger on paper. */
	private static final float SCALE = 1.2f;

	private ReportPdf() {
	}

	/** A drawn report and how many pages it took. */
	record Drawn(byte[] pdf, int pages) {
	}

	static Drawn draw(ReportContent report) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setTitle(report.kind().label() + " for " + report.patientName());
			document.getDocumentInformation().setProducer("Unknot");
			Sheet sheet = new Sheet(document);
			sheet.title(report.kind().label());
			sheet.fact("Patient", report.patientName());
			sheet.fact("Born", report.birthDate());
			sheet.fact("Practitioner", report.practitionerName());
			sheet.fact("Service", report.serviceName());
			sheet.fact("Plan", report.status());
			sheet.fact("Course", report.plan());
			if (report.ended() != null) {
				sheet.fact("Ended", report.ended());
			}
			sheet.fact("Techniques", report.techniques());
			sheet.heading("Goals");
			for (Goal goal : report.goals()) {
				sheet.bullet(goal.text() + ": " + goal.target());
			}
			sheet.heading("Visits");
			sheet.paragraph(report.visitsSummary() + ".");
			for (ReportContent.VisitLine visit : report.visits()) {
				sheet.bullet(visit.when() + ", " + visit.where() + ": " + visit.status());
			}
			sheet.heading(report.kind() == ReportKind.DISCHARGE ? "Outcome at discharge against the baseline"
					: "Outcome measures");
			if (report.outcomes().isEmpty()) {
				sheet.paragraph("No outcome measure was scored in the plan's period.");
			}
			for (ReportContent.Charted charted : report.outcomes()) {
				sheet.outcome(charted);
			}
			sheet.heading(report.kind() == ReportKind.DISCHARGE ? "Summary at discharge" : "Summary");
			sheet.paragraph(report.summary());
			if (report.followUp() != null) {
				sheet.heading("Follow-up advice");
				sheet.paragraph(report.followUp());
			}
			sheet.gap();
			sheet.fact("Signed", report.signed());
			sheet.close();
			footers(document, sheet.regular);
			document.save(out);
			return new Drawn(out.toByteArray(), document.getNumberOfPages());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The report's PDF could not be written", ex);
		}
	}

	private static void footers(PDDocument document, PDType1Font font) throws IOException {
		int count = document.getNumberOfPages();
		for (int n = 0; n < count; n++) {
			try (PDPageContentStream stream = new PDPageContentStream(document, document.getPage(n), AppendMode.APPEND,
					true)) {
				Sheet.show(stream, font, 8, MARGIN, MARGIN / 2,
						"Confidential health information. Page " + (n + 1) + " of " + count + ".");
			}
		}
	}

	/**
	 * The text with each character the standard fonts cannot draw (a name in another
	 * script, a control character) shown as "?", so that a report is always made.
	 */
	static String drawable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			String glyph = GlyphList.getAdobeGlyphList().codePointToName(c);
			out.appendCodePoint(WinAnsiEncoding.INSTANCE.contains(glyph) && !Character.isISOControl(c) ? c : '?');
		});
		return out.toString();
	}

	/**
	 * Writes down the pages, wrapping long lines and starting a page when one is full.
	 */
	private static final class Sheet {

		private final PDDocument document;

		private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

		private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

		private PDPageContentStream stream;

		private float y;

		Sheet(PDDocument document) throws IOException {
			this.document = document;
			page();
		}

		void title(String title) throws IOException {
			line(bold, 18, MARGIN, title);
			y -= 10;
		}

		void heading(String heading) throws IOException {
			y -= 8;
			room(40);
			line(bold, 13, MARGIN, heading);
			y -= 2;
		}

		void fact(String label, String value) throws IOException {
			List<String> lines = wrap(regular, 10.5f, value, WIDTH - LABEL_WIDTH);
			room(LEADING);
			show(stream, bold, 10.5f, MARGIN, y - 10.5f, label);
			for (String line : lines) {
				room(LEADING);
				show(stream, regular, 10.5f, MARGIN + LABEL_WIDTH, y - 10.5f, line);
				y -= LEADING;
			}
		}

		void paragraph(String text) throws IOException {
			for (String part : text.split("\\R")) {
				for (String line : wrap(regular, 10.5f, part, WIDTH)) {
					line(regular, 10.5f, MARGIN, line);
				}
			}
		}

		void bullet(String text) throws IOException {
			List<String> lines = wrap(regular, 10.5f, text, WIDTH - 14);
			for (int n = 0; n < lines.size(); n++) {
				room(LEADING);
				if (n == 0) {
					show(stream, regular, 10.5f, MARGIN + 2, y - 10.5f, "-");
				}
				line(regular, 10.5f, MARGIN + 14, lines.get(n));
			}
		}

		void gap() {
			y -= 10;
		}

		/**
		 * A measure: its name, what its change means, its chart over the plan's period
		 * and its scores.
		 */
		void outcome(ReportContent.Charted charted) throws IOException {
			Progress.Series series = charted.series();
			room(40 + 180 * SCALE);
			y -= 4;
			line(bold, 11, MARGIN, series.measure().title() + ", scored " + series.valueLabel());
			paragraph(series.sentence());
			chart(series.chart());
			paragraph(charted.period());
			paragraph(series.bandWords());
			paragraph(
					"Scores: "
							+ String.join("; ",
									series.chart().dots().stream().map(dot -> dot.day() + ": " + dot.value()).toList())
							+ ".");
			y -= 6;
		}

		private void chart(Chart chart) throws IOException {
			float height = 180 * SCALE;
			room(height);
			float top = y;
			stream.setNonStrokingColor(0.86f, 0.93f, 0.87f);
			stream.addRect(x(36), y(top, chart.bandTop() + chart.bandHeight()), (308 - 36) * SCALE,
					(float) chart.bandHeight() * SCALE);
			stream.fill();
			stream.setStrokingColor(0.55f, 0.55f, 0.55f);
			stream.setLineWidth(0.6f);
			for (Chart.Tick tick : chart.ticks()) {
				stream.moveTo(x(36), y(top, tick.at()));
				stream.lineTo(x(308), y(top, tick.at()));
				stream.stroke();
				float width = width(regular, 8, tick.label());
				stream.setNonStrokingColor(0.2f, 0.2f, 0.2f);
				show(stream, regular, 8, x(32) - width, y(top, tick.at()) - 3, tick.label());
			}
			for (Chart.Tick day : chart.days()) {
				float width = width(regular, 8, day.label());
				show(stream, regular, 8, x(day.at()) - width / 2, y(top, 148) - 12, day.label());
			}
			List<Chart.Dot> dots = chart.dots();
			stream.setStrokingColor(0.1f, 0.32f, 0.6f);
			stream.setLineWidth(1.8f);
			for (int n = 0; n < dots.size(); n++) {
				if (n == 0) {
					stream.moveTo(x(dots.get(n).x()), y(top, dots.get(n).y()));
				}
				else {
					stream.lineTo(x(dots.get(n).x()), y(top, dots.get(n).y()));
				}
			}
			if (dots.size() > 1) {
				stream.stroke();
			}
			stream.setNonStrokingColor(0.1f, 0.32f, 0.6f);
			for (Chart.Dot dot : dots) {
				stream.addRect(x(dot.x()) - 2.5f, y(top, dot.y()) - 2.5f, 5, 5);
				stream.fill();
			}
			stream.setNonStrokingColor(0f, 0f, 0f);
			for (Chart.Dot dot : dots) {
				show(stream, bold, 8, x(dot.x()) - width(bold, 8, dot.value()) / 2, y(top, dot.y()) + 6, dot.value());
			}
			y = top - height - 4;
		}

		private static float x(double viewX) {
			return MARGIN + (float) viewX * SCALE;
		}

		private static float y(float top, double viewY) {
			return top - (float) viewY * SCALE;
		}

		private void line(PDType1Font font, float size, float x, String text) throws IOException {
			float height = size + 4;
			room(height);
			show(stream, font, size, x, y - size, text);
			y -= height;
		}

		void close() throws IOException {
			stream.close();
		}

		private void room(float needed) throws IOException {
			if (y - needed < MARGIN) {
				stream.close();
				page();
			}
		}

		private void page() throws IOException {
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = PAGE.getHeight() - MARGIN;
		}

		static void show(PDPageContentStream stream, PDType1Font font, float size, float x, float y, String text)
				throws IOException {
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(x, y);
			stream.showText(drawable(text));
			stream.endText();
		}

		private static float width(PDType1Font font, float size, String text) throws IOException {
			return font.getStringWidth(drawable(text)) / 1000 * size;
		}

		/** The words of {@code text} in lines no wider than {@code max}. */
		private static List<String> wrap(PDType1Font font, float size, String text, float max) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String word : text.strip().split("\\s+")) {
				String tried = current.isEmpty() ? word : current + " " + word;
				if (width(font, size, tried) <= max) {
					current.setLength(0);
					current.append(tried);
					continue;
				}
				if (!current.isEmpty()) {
					lines.add(current.toString());
					current.setLength(0);
				}
				while (width(font, size, word) > max) {
					int fits = 1;
					while (fits < word.length() && width(font, size, word.substring(0, fits + 1)) <= max) {
						fits++;
					}
					lines.add(word.substring(0, fits));
					word = word.substring(fits);
				}
				current.append(word);
			}
			if (!current.isEmpty() || lines.isEmpty()) {
				lines.add(current.toString());
			}
			return lines;
		}

	}

}
