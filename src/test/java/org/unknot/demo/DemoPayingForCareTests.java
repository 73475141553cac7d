package org.unknot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.insurance.Authorization;
import org.unknot.insurance.Authorizations;
import org.unknot.packages.CarePackages;
import org.unknot.packages.CreditLedger;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;

/**
 * The demo's paying for care: the massage package on sale and held by Jordan Ellis, and
 * Dana Whitfield's authorization of 12 PT visits with ten booked under it, running low.
 */
@UnknotIntegrationTest
class DemoPayingForCareTests {

	@Autowired
	DemoNetwork demo;

	@Autowired
	DemoPatient patient;

	@Autowired
	DemoPayingForCare paying;

	@Autowired
	CarePackages packages;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Authorizations authorizations;

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hasTheMassagePackageAndAnAuthorizationOfTwelvePtVisitsRunningLow() {
		demo.loadUnlessPresent();
		patient.load();
		UUID jordan = jdbc.sql("SELECT patient_id FROM account WHERE email = ?")
			.param(DemoPatient.EMAIL)
			.query(UUID.class)
			.single();
		paying.load(PatientId.of(jordan));
		paying.load(PatientId.of(jordan));

		assertThat(packages.onSale()).filteredOn(offered -> offered.name().equals(DemoPayingForCare.MASSAGE_PACKAGE))
			.singleElement()
			.satisfies(offered -> {
				assertThat(offered.credits()).isEqualTo(6);
				assertThat(offered.serviceIds()).contains("swedish-60", "deep-tissue-60").doesNotContain("swedish-90");
			});
		assertThat(ledger.holdings(PatientId.of(jordan))).singleElement()
			.satisfies(holding -> assertThat(holding.balance()).isEqualTo(6));

		UUID dana = patients.identify(DemoPayingForCare.PT_PATIENT);
		Authorization authorization = authorizations.of(PatientId.of(dana)).get(0);
		assertThat(authorization.visits()).isEqualTo(12);
		assertThat(authorization.used()).isEqualTo(DemoPayingForCare.BOOKED_UNDER_IT);
		assertThat(authorizations.runningLow(LocalDate.now(ZoneId.of(DemoClinics.ZONE)))).extracting(Authorization::id)
			.contains(authorization.id());
	}

}
