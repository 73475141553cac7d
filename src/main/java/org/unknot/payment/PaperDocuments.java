package org.unknot.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;
import org.unknot.system.Money;
import org.unknot.system.Times;

/**
 * Receipts and statements as PDF. They name the clinic, the patient, dates, amounts and
 * how they were paid, and nothing of the patient's health: not the treatment, only "Visit
 * on" a date.
 */
@Component
public class PaperDocuments {

	private static final float MARGIN = 56;

	private static final float LINE = 16;

	/** One payment or refund, with its receipt number. */
	public byte[] receipt(Letterhead clinic, String patientName, LedgerEntry entry, Instant visitStart, ZoneId zone) {
		if (!entry.movesMoney()) {
			throw new IllegalArgumentException("Only payments and refunds have receipts: " + entry.id());
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(row("Receipt number", entry.receiptNumber().toString()));
		rows.add(row("Date", Times.dateTime(entry.at(), zone)));
		rows.add(row("Received from", patientName));
		if (visitStart != null) {
			rows.add(row("For",
					entry.purpose().label() + ", visit on " + Times.day(visitStart.atZone(zone).toLocalDate())));
		}
		else {
			rows.add(row("For", entry.purpose().label()));
		}
		rows.add(row("Paid by", entry.method().label()));
		rows.add(row(entry.kind() == EntryKind.REFUND ? "Refunded" : "Amount paid", entry.amount().inWords()));
		return pdf(clinic, entry.kind() == EntryKind.REFUND ? "Refund receipt" : "Receipt", rows, List.of(),
				"Thank you.");
	}

	/** Every charge, waiver, payment and refund of the patient, and what is owed. */
	public byte[] statement(Letterhead clinic, String patientName, List<LedgerEntry> entries, ZoneId zone,
			Instant issued) {
		List<String[]> head = List.of(row("Statement for", patientName), row("Issued", Times.dateTime(issued, zone)));
		List<String[]> lines = new ArrayList<>();
		for (LedgerEntry entry : entries) {
			String what = switch (entry.kind()) {
				case CHARGE -> entry.purpose().label();
				case WAIVER -> entry.purpose().label() + " waived";
				case PAYMENT -> "Payment, " + entry.method().label() + receiptOf(entry);
				case REFUND -> "Refund, " + entry.method().label() + receiptOf(entry);
			};
			Money change = entry.owed();
			lines.add(new String[] { Times.day(entry.at().atZone(zone).toLocalDate()), what, change.inWords() });
		}
		Money owed = Balance.of(entries).owed();
		String closing = owed.isNegative() ? "We owe you " + owed.negated().inWords() + "."
				: owed.isZero() ? "Nothing is owed." : "Amount owed: " + owed.inWords() + ".";
		return pdf(clinic, "Statement", head, lines, closing);
	}

	private static String receiptOf(LedgerEntry entry) {
		return entry.receiptNumber() == null ? "" : " (receipt " + entry.receiptNumber() + ")";
	}

	private static String[] row(String label, String value) {
		return new String[] { label, value };
	}

	private byte[] pdf(Letterhead clinic, String title, List<String[]> facts, List<String[]> table, String closing) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title + " - " + clinic.name());
			info.setProducer("Unknot");
			PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			var page = new Pen(document, regular, bold);
			page.text(bold, 16, MARGIN, clinic.name());
			for (String line : clinic.address()) {
				page.text(regular, 10, MARGIN, line);
			}
			if (clinic.phone() != null) {
				page.text(regular, 10, MARGIN, clinic.phone());
			}
			page.skip();
			page.text(bold, 14, MARGIN, title);
			page.skip();
			for (String[] fact : facts) {
				page.pair(fact[0], fact[1]);
			}
			if (!table.isEmpty()) {
				page.skip();
				page.columns(bold, "Date", "What", "Amount");
				for (String[] line : table) {
					page.columns(regular, line[0], line[1], line[2]);
				}
			}
			page.skip();
			page.text(bold, 11, MARGIN, closing);
			page.close();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A PDF could not be written", ex);
		}
	}

	/** Writes lines down the page, starting a new page when one is full. */
	private static final class Pen {

		private final PDDocument document;

		private final PDType1Font regular;

		private final PDType1Font bold;

		private PDPageContentStream stream;

		private float y;

		Pen(PDDocument document, PDType1Font regular, PDType1Font bold) throws IOException {
			this.document = document;
			this.regular = regular;
			this.bold = bold;
			newPage();
		}

		void text(PDType1Font font, float size, float x, String text) throws IOException {
			room();
			write(font, size, x, text);
			y -= LINE + (size > 12 ? 4 : 0);
		}

		void pair(String label, String value) throws IOException {
			room();
			write(bold, 11, MARGIN, label);
			write(regular, 11, MARGIN + 130, value);
			y -= LINE;
		}

		void columns(PDType1Font font, String date, String what, String amount) throws IOException {
			room();
			write(font, 10, MARGIN, date);
			write(font, 10, MARGIN + 110, what);
			float width = font.getStringWidth(printable(font, amount)) / 1000 * 10;
			write(font, 10, PDRectangle.LETTER.getWidth() - MARGIN - width, amount);
			y -= LINE;
		}

		void skip() {
			y -= LINE / 2;
		}

		void close() throws IOException {
			stream.close();
		}

		private void room() throws IOException {
			if (y < MARGIN + LINE) {
				stream.close();
				newPage();
			}
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = PDRectangle.LETTER.getHeight() - MARGIN;
		}

		private void write(PDType1Font font, float size, float x, String text) throws IOException {
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(x, y);
			stream.showText(printable(font, text));
			stream.endText();
		}

		/**
		 * The text with every character the standard font cannot draw (a name in another
		 * script) shown as "?", rather than no document at all.
		 */
		private static String printable(PDType1Font font, String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach(c -> {
				String one = new String(Character.toChars(c));
				try {
					font.encode(one);
					out.append(one);
				}
				catch (IOException | IllegalArgumentException unencodable) {
					out.append('?');
				}
			});
			return out.toString();
		}

	}

}
