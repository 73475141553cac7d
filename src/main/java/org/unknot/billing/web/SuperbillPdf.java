package org.unknot.billing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.unknot.billing.Superbill;
import org.unknot.billing.Superbills;

/**
 * Lays superbills out as a PDF on US Letter pages, one clinic's bill after another: who
 * bills and who was treated, the diagnoses, one row per claim line, the practitioners
 * with their NPI and taxonomy, and the totals. Characters the standard fonts cannot show
 * are printed as "?" rather than refused.
 */
final class SuperbillPdf {

	static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

	private static final float MARGIN = 50;

	private static final float LINE = 14;

	private static final float[] COLUMNS = { 0, 75, 115, 165, 205, 255, 295, 370 };

	private final PDDocument document = new PDDocument();

	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDPageContentStream page;

	private float y;

	private SuperbillPdf() {
	}

	static byte[] of(Superbills.Issued issued) {
		try {
			return new SuperbillPdf().render(issued);
		}
		catch (IOException e) {
			throw new UncheckedIOException("A superbill could not be laid out", e);
		}
	}

	private byte[] render(Superbills.Issued issued) throws IOException {
		try (document) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("Superbill for " + issued.patient().name());
			info.setCreator("Unknot");
			if (issued.empty()) {
				newPage();
				heading("Superbill", 16);
				patient(issued.patient(), issued.from(), issued.to());
				text(regular, 10, "No attended self-pay visits in these days.", 0);
			}
			for (Superbill bill : issued.bills()) {
				newPage();
				bill(bill, issued.paymentsKnown());
			}
			page.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private void bill(Superbill bill, boolean paymentsKnown) throws IOException {
		heading("Superbill", 16);
		Superbill.Clinic clinic = bill.clinic();
		text(bold, 10, clinic.name(), 0);
		text(regular, 10, clinic.street() + ", " + clinic.cityLine(), 0);
		text(regular, 10, "Phone " + clinic.phone() + "    Tax id (EIN) "
				+ (clinic.taxId() == null ? "not on file" : clinic.taxId()), 0);
		y -= LINE / 2;
		patient(bill.patient(), bill.from(), bill.to());
		y -= LINE / 2;
		heading("Diagnoses (ICD-10-CM)", 11);
		for (Superbill.Diagnosis diagnosis : bill.diagnoses()) {
			text(regular, 9, diagnosis.letter() + "   " + diagnosis.code() + "   " + diagnosis.title(), 0);
		}
		if (bill.diagnoses().isEmpty()) {
			text(regular, 9, "No assessment on file: ask the practice for the diagnosis codes.", 0);
		}
		y -= LINE / 2;
		heading("Services (CPT codes only)", 11);
		row(bold, "Date", "POS", "CPT", "Mod", "Dx", "Units", "Charge", "Rendering NPI");
		for (Superbill.Line line : bill.lines()) {
			row(regular, line.dateOfService().format(US_DATE), line.place().code(), line.code(),
					line.modifiersInWords(), line.pointers(), Integer.toString(line.units()), line.charge().inWords(),
					npi(line.practitioner()));
		}
		y -= LINE / 2;
		heading("Rendering practitioners", 11);
		Map<String, Superbill.Practitioner> seen = new LinkedHashMap<>();
		bill.lines().forEach(line -> seen.putIfAbsent(line.practitioner().name(), line.practitioner()));
		for (Superbill.Practitioner practitioner : seen.values()) {
			text(regular, 9, practitioner.name() + "    NPI " + npi(practitioner) + "    Taxonomy "
					+ (practitioner.taxonomy() == null ? "not on file" : practitioner.taxonomy()), 0);
		}
		y -= LINE / 2;
		text(bold, 10, "Total charged: " + bill.charged().inWords(), 0);
		if (paymentsKnown) {
			for (Superbill.Payment payment : bill.payments()) {
				text(regular, 9, "Paid " + payment.amount().inWords() + " by " + payment.method() + " on "
						+ payment.day(clinic.zone()).format(US_DATE), 0);
			}
			text(bold, 10, "Total paid: " + bill.paid().inWords() + "    Balance: " + bill.balance().inWords(), 0);
		}
		y -= LINE / 2;
		text(regular, 8, "Place of service 11 office, 10 telehealth in the patient's home, 02 telehealth elsewhere;"
				+ " modifier 95 marks a video visit. Timed codes are billed in 15-minute units (CMS 8-minute rule).",
				0);
	}

	private void patient(Superbill.Patient patient, LocalDate from, LocalDate to) throws IOException {
		text(bold, 10, "Patient: " + patient.name(), 0);
		text(regular, 10, "Date of birth " + patient.birthDate().format(US_DATE)
				+ (patient.phone() == null ? "" : "    Phone " + patient.phone()), 0);
		text(regular, 10, "Dates of service " + from.format(US_DATE) + " to " + to.format(US_DATE), 0);
	}

	private static String npi(Superbill.Practitioner practitioner) {
		return practitioner.npi() == null ? "not on file" : practitioner.npi();
	}

	private void heading(String words, float size) throws IOException {
		text(bold, size, words, 0);
		y -= 2;
	}

	private void row(PDFont font, String... cells) throws IOException {
		room();
		for (int i = 0; i < cells.length; i++) {
			write(font, 9, cells[i], COLUMNS[i]);
		}
		y -= LINE;
	}

	private void text(PDFont font, float size, String words, float indent) throws IOException {
		room();
		write(font, size, words, indent);
		y -= Math.max(LINE, size + 4);
	}

	private void write(PDFont font, float size, String words, float x) throws IOException {
		page.beginText();
		page.setFont(font, size);
		page.newLineAtOffset(MARGIN + x, y);
		page.showText(printable(font, words));
		page.endText();
	}

	private void room() throws IOException {
		if (y < MARGIN + LINE) {
			newPage();
		}
	}

	private void newPage() throws IOException {
		if (page != null) {
			page.close();
		}
		PDPage next = new PDPage(PDRectangle.LETTER);
		document.addPage(next);
		page = new PDPageContentStream(document, next);
		y = next.getMediaBox().getHeight() - MARGIN;
	}

	/** The text with each character the font cannot encode replaced by "?". */
	static String printable(PDFont font, String text) {
		StringBuilder shown = new StringBuilder();
		text.codePoints().forEach(point -> {
			String character = Character.isISOControl(point) ? " " : new String(Character.toChars(point));
			try {
				font.encode(character);
				shown.append(character);
			}
			catch (IOException | IllegalArgumentException e) {
				shown.append('?');
			}
		});
		return shown.toString();
	}

}
