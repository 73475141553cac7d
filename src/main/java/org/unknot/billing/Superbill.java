package org.unknot.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.unknot.care.DiagnosisCode;
import org.unknot.system.Money;

/**
 * One superbill: a patient's attended visits with one clinic in a span of days, as the
 * lines of a claim. Each line is a CPT code with its units, modifiers, place of service,
 * the letters of the diagnoses it treats and its share of the visit's fee; the diagnoses
 * are lettered A to L in the order the visits first name them (a claim holds twelve), and
 * a line points at up to four of them.
 */
public record Superbill(Patient patient, Clinic clinic, LocalDate from, LocalDate to, List<Diagnosis> diagnoses,
		List<Line> lines, List<Payment> payments, Money charged, Money paid) {

	/** A claim form holds twelve diagnoses, A to L. */
	static final int MAX_DIAGNOSES = 12;

	/** Each line points at up to four of them. */
	static final int MAX_POINTERS = 4;

	public Superbill {
		diagnoses = List.copyOf(diagnoses);
		lines = List.copyOf(lines);
		payments = List.copyOf(payments);
	}

	/** The patient as a claim names them. */
	public record Patient(UUID id, String name, LocalDate birthDate, String phone, String email) {
	}

	/**
	 * The clinic that bills: its name, address, phone, employer identification number,
	 * and the zone its days are read in.
	 */
	public record Clinic(String name, String street, String city, String state, String postalCode, String phone,
			String taxId, ZoneId zone) {

		public String cityLine() {
			return city + ", " + state + " " + postalCode;
		}

	}

	/** Who gave the care: their name as pages show it, NPI and taxonomy code. */
	public record Practitioner(String name, String npi, String taxonomy) {
	}

	/** A diagnosis as lettered on this superbill. */
	public record Diagnosis(char letter, String code, String title) {
	}

	/** A payment received for one of the visits. */
	public record Payment(UUID visitId, Instant at, String method, Money amount) {

		/** The day it was received, in this zone. */
		public LocalDate day(ZoneId zone) {
			return LocalDate.ofInstant(at, zone);
		}

	}

	/**
	 * An attended visit as it is billed.
	 *
	 * @param codes the CPT codes of its service, as listed
	 * @param minutesTreated minutes of treatment: those recorded in the session, or the
	 * visit's length
	 * @param diagnoses the working diagnoses of the assessment in force, in its order
	 */
	public record Visit(UUID id, LocalDate dateOfService, PlaceOfService place, Practitioner practitioner,
			List<String> codes, int minutesTreated, Money fee, List<DiagnosisCode> diagnoses) {

		public Visit {
			codes = List.copyOf(codes);
			diagnoses = List.copyOf(diagnoses);
		}

	}

	/** One line of the claim. */
	public record Line(UUID visitId, LocalDate dateOfService, PlaceOfService place, String code, List<String> modifiers,
			String pointers, int units, Money charge, Practitioner practitioner) {

		public Line {
			modifiers = List.copyOf(modifiers);
		}

		public String modifiersInWords() {
			return String.join(" ", modifiers);
		}

	}

	/**
	 * The superbill of these visits, oldest first. A visit that bills no unit (timed
	 * codes only, under 8 minutes) makes no line; payments for visits not billed are left
	 * out.
	 */
	public static Superbill of(Patient patient, Clinic clinic, LocalDate from, LocalDate to, List<Visit> visits,
			List<Payment> payments) {
		List<Visit> inOrder = visits.stream()
			.sorted(Comparator.comparing(Visit::dateOfService).thenComparing(visit -> visit.id().toString()))
			.toList();
		Map<String, Diagnosis> lettered = letter(inOrder);
		List<Line> lines = new ArrayList<>();
		for (Visit visit : inOrder) {
			lines.addAll(linesOf(visit, lettered));
		}
		Set<UUID> billed = lines.stream().map(Line::visitId).collect(Collectors.toSet());
		List<Payment> received = payments.stream()
			.filter(payment -> billed.contains(payment.visitId()))
			.sorted(Comparator.comparing(Payment::at))
			.toList();
		Money zero = Money.zero(inOrder.isEmpty() ? Money.USD : inOrder.get(0).fee().currency());
		Money charged = lines.stream().map(Line::charge).reduce(zero, Money::plus);
		Money paid = received.stream().map(Payment::amount).reduce(zero, Money::plus);
		return new Superbill(patient, clinic, from, to, List.copyOf(lettered.values()), lines, received, charged, paid);
	}

	/** What is left to pay of what was charged; negative when more was paid. */
	public Money balance() {
		return charged.minus(paid);
	}

	/** The days of service, without repeats, oldest first. */
	public List<LocalDate> datesOfService() {
		return lines.stream().map(Line::dateOfService).distinct().toList();
	}

	public boolean empty() {
		return lines.isEmpty();
	}

	private static Map<String, Diagnosis> letter(List<Visit> visits) {
		Map<String, Diagnosis> lettered = new LinkedHashMap<>();
		for (Visit visit : visits) {
			for (DiagnosisCode code : visit.diagnoses()) {
				if (lettered.size() < MAX_DIAGNOSES && !lettered.containsKey(code.code())) {
					lettered.put(code.code(), new Diagnosis((char) ('A' + lettered.size()), code.code(), code.title()));
				}
			}
		}
		return lettered;
	}

	private static List<Line> linesOf(Visit visit, Map<String, Diagnosis> lettered) {
		List<BillingUnits.CodeUnits> coded = BillingUnits.of(visit.codes(), visit.minutesTreated());
		String pointers = visit.diagnoses()
			.stream()
			.map(code -> lettered.get(code.code()))
			.filter(Objects::nonNull)
			.limit(MAX_POINTERS)
			.map(diagnosis -> String.valueOf(diagnosis.letter()))
			.collect(Collectors.joining());
		List<Money> charges = shares(visit.fee(), coded.stream().mapToInt(BillingUnits.CodeUnits::units).toArray());
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < coded.size(); i++) {
			lines.add(new Line(visit.id(), visit.dateOfService(), visit.place(), coded.get(i).code(),
					visit.place().modifiers(), pointers, coded.get(i).units(), charges.get(i), visit.practitioner()));
		}
		return lines;
	}

	/**
	 * The fee shared among the lines by their units, in whole cents that add up to the
	 * fee exactly; the cents left over go to the first lines.
	 */
	static List<Money> shares(Money fee, int[] units) {
		long totalUnits = 0;
		for (int unit : units) {
			totalUnits += unit;
		}
		List<Money> shares = new ArrayList<>();
		if (totalUnits == 0) {
			return shares;
		}
		long given = 0;
		long[] minor = new long[units.length];
		for (int i = 0; i < units.length; i++) {
			minor[i] = Math.multiplyExact(fee.minorUnits(), (long) units[i]) / totalUnits;
			given += minor[i];
		}
		for (int i = 0; given < fee.minorUnits(); i = (i + 1) % units.length) {
			minor[i]++;
			given++;
		}
		for (long amount : minor) {
			shares.add(Money.of(amount, fee.currency()));
		}
		return shares;
	}

}
