package org.unknot.demo;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReports;
import org.unknot.practitioner.PractitionerId;

/**
 * A progress report on the demo patient's plan, signed by Ana Ribeiro with a summary of
 * her own (fictional), so that the plan's page has a report to download and send on the
 * first start. Written once: a plan that has a report already keeps it.
 */
@Component
class DemoReports {

	static final String SUMMARY = """
			Jordan's worst pain has come down over the weeks of care and the activities score has risen; \
			both changes are meaningful. Trigger point work on the upper trapezius and the left rhomboid brings the \
			most relief. Jordan does the chin tucks most days. I suggest we keep to visits every two weeks and \
			review after the third visit of the course.""";

	private static final Progress.Reader DEMO = new Progress.Reader("system:demo", "SYSTEM", null);

	private final CareReports reports;

	DemoReports(CareReports reports) {
		this.reports = reports;
	}

	void load(UUID planId) {
		if (reports.ofPlan(planId).isEmpty()) {
			reports.sign(planId, SUMMARY, null, PractitionerId.of(DemoCare.PRACTITIONER), DEMO);
		}
	}

}
