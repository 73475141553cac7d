package org.unknot.care.measures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unknot.care.measures.OutcomeGroup;

/** The outcomes spreadsheet: quoted as RFC 4180 says, and no cell a formula. */
class OutcomesCsvTests {

	@Test
	void quotesCommasAndQuotes() {
		assertThat(OutcomesCsv.cell("Red Bank, NJ")).isEqualTo("\"Red Bank, NJ\"");
		assertThat(OutcomesCsv.cell("The \"annex\"")).isEqualTo("\"The \"\"annex\"\"\"");
		assertThat(OutcomesCsv.cell("Montclair")).isEqualTo("Montclair");
	}

	@Test
	void writesFormulasAsText() {
		assertThat(OutcomesCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(OutcomesCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
	}

	@Test
	void writesOneLinePerGroupOfEachView() {
		var group = new OutcomeGroup("Hoboken", 3, new OutcomeGroup.Reached(3, List.of(1, 2, 2)),
				new OutcomeGroup.Reached(0, List.of()), 0);

		String csv = OutcomesCsv
			.of(List.of(new OutcomesController.View("by-clinic", "By clinic", "Clinic", List.of(group))));

		assertThat(csv.split("\r\n")).containsExactly(String.join(",", OutcomesCsv.HEADER),
				"Clinic,Hoboken,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,"
						+ "fewer than 5,fewer than 5");
	}

}
