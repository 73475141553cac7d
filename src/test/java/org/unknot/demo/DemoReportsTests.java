package org.unknot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReport;
import org.unknot.care.reports.CareReports;
import org.unknot.care.reports.ReportKind;

/**
 * The demo plan's progress report: signed by Ana Ribeiro once, however often the demo is
 * loaded, and naming Jordan Ellis with pain falling to 4.
 */
@UnknotIntegrationTest
class DemoReportsTests {

	@Autowired
	DemoNetwork demo;

	@Autowired
	DemoPatient patient;

	@Autowired
	DemoReports demoReports;

	@Autowired
	CareReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsOneProgressReportOnTheDemoPlanThatReadsBack() throws Exception {
		demo.loadUnlessPresent();
		patient.load();
		UUID plan = jdbc.sql("""
				SELECT p.id FROM treatment_plan p JOIN account a ON a.patient_id = p.patient_id
				WHERE a.email = ? ORDER BY p.created_at LIMIT 1""").param(DemoPatient.EMAIL).query(UUID.class).single();

		demoReports.load(plan);
		demoReports.load(plan);

		assertThat(reports.ofPlan(plan)).singleElement().satisfies(report -> {
			assertThat(report.kind()).isEqualTo(ReportKind.PROGRESS);
			assertThat(report.signedBy()).isEqualTo(DemoCare.PRACTITIONER);
		});
		CareReport report = reports.ofPlan(plan).get(0);
		byte[] pdf = reports.open(report, new Progress.Reader("test", "ADMIN", null)).bytes();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Jordan Ellis")
				.containsPattern("Pain has gone from \\d+ to 4: a meaningful improvement\\.")
				.contains("Ana Ribeiro");
		}
	}

}
