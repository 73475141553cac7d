package org.unknot.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.account.SignedIn;
import org.unknot.billing.Superbill;
import org.unknot.billing.Superbills;
import org.unknot.insurance.Authorization;
import org.unknot.insurance.Authorizations;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.Holding;
import org.unknot.patient.PatientId;
import org.unknot.payment.Ledger;
import org.unknot.system.Money;

/**
 * What the patient paid and owes (every row of the money ledger: charges, fees, payments,
 * refunds, waivers), their packages with every credit movement, their payers'
 * authorizations, and their superbills, as parts of the patient's JSON download. Amounts
 * as decimal strings with their currency; ids only to tie rows to visits.
 */
@Component
class MoneyExport {

	private final Ledger ledger;

	private final CreditLedger credits;

	private final Authorizations authorizations;

	private final Superbills superbills;

	MoneyExport(Ledger ledger, CreditLedger credits, Authorizations authorizations, Superbills superbills) {
		this.ledger = ledger;
		this.credits = credits;
		this.authorizations = authorizations;
		this.superbills = superbills;
	}

	List<Map<String, Object>> ledger(UUID patientId) {
		return ledger.ofPatient(PatientId.of(patientId)).stream().map(entry -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("at", entry.at().toString());
			row.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
			row.put("for", entry.purpose().label());
			row.put("visit", entry.appointmentId() == null ? "" : entry.appointmentId().toString());
			row.put("amount", money(entry.amount()));
			row.put("method", entry.method() == null ? "" : entry.method().label());
			row.put("receiptNumber", entry.receiptNumber() == null ? "" : entry.receiptNumber().toString());
			row.put("reason", entry.reason() == null ? "" : entry.reason());
			return row;
		}).toList();
	}

	List<Map<String, Object>> packages(UUID patientId) {
		return credits.holdings(org.unknot.patient.PatientId.of(patientId)).stream().map(holding -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("package", holding.packageName());
			row.put("price", money(holding.price()));
			row.put("paid", holding.paidHow().name().toLowerCase(java.util.Locale.ROOT));
			row.put("boughtAt", holding.soldAt().toString());
			row.put("validUntil", holding.validUntil().toString());
			row.put("creditsLeft", holding.balance());
			row.put("movements", movements(holding));
			return row;
		}).toList();
	}

	List<Map<String, Object>> authorizations(UUID patientId) {
		return authorizations.of(PatientId.of(patientId)).stream().map((Authorization authorization) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("plan", authorization.planName());
			row.put("reference", authorization.reference());
			row.put("visitsAuthorized", authorization.visits());
			row.put("visitsUsed", authorization.used());
			row.put("firstDay", authorization.firstDay().toString());
			row.put("lastDay", authorization.lastDay().toString());
			row.put("services", authorization.serviceIds());
			row.put("cptCodes", authorization.cptCodes());
			return row;
		}).toList();
	}

	/**
	 * Every superbill of the patient's attended self-pay visits, a calendar year at a
	 * time (a superbill spans at most a year) from the year of their first visit.
	 */
	List<Map<String, Object>> superbills(SignedIn me, String address, UUID patientId, LocalDate firstVisit,
			ZoneId zone) {
		if (firstVisit == null) {
			return List.of();
		}
		Superbills.Asker asker = new Superbills.Asker(me, address);
		int thisYear = superbills.thisYear(zone).get(1).getYear();
		return java.util.stream.IntStream.rangeClosed(firstVisit.getYear(), Math.max(thisYear, firstVisit.getYear()))
			.mapToObj(year -> superbills.forSpan(asker, PatientId.of(patientId), LocalDate.of(year, 1, 1),
					LocalDate.of(year, 12, 31), Superbills.Use.EXPORT))
			.flatMap(issued -> issued.bills().stream())
			.map(MoneyExport::superbill)
			.toList();
	}

	private List<Map<String, Object>> movements(Holding holding) {
		return credits.movements(holding.id()).stream().map(movement -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("at", movement.at().toString());
			row.put("kind", movement.kind().name().toLowerCase(java.util.Locale.ROOT));
			row.put("credits", movement.credits());
			row.put("balanceAfter", movement.balanceAfter());
			row.put("visit", movement.appointmentId() == null ? "" : movement.appointmentId().toString());
			return row;
		}).toList();
	}

	private static Map<String, Object> superbill(Superbill bill) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("clinic", bill.clinic().name());
		row.put("from", bill.from().toString());
		row.put("to", bill.to().toString());
		row.put("diagnoses",
				bill.diagnoses()
					.stream()
					.map(diagnosis -> Map.of("letter", String.valueOf(diagnosis.letter()), "code", diagnosis.code()))
					.toList());
		row.put("lines", bill.lines().stream().map(line -> {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("dateOfService", line.dateOfService().toString());
			out.put("placeOfService", line.place().code());
			out.put("code", line.code());
			out.put("modifiers", line.modifiers());
			out.put("diagnosisPointers", line.pointers());
			out.put("units", line.units());
			out.put("charge", money(line.charge()));
			out.put("practitioner", line.practitioner().name());
			return out;
		}).toList());
		row.put("charged", money(bill.charged()));
		row.put("paid", money(bill.paid()));
		return row;
	}

	private static String money(Money amount) {
		return amount.amount().toPlainString() + " " + amount.currency().getCurrencyCode();
	}

}
