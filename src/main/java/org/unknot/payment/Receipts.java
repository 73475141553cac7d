package org.unknot.payment;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;

/**
 * A payment's receipt and a patient's statement as PDF, on the letterhead of the clinic
 * of the visit (the latest visit, for a statement).
 */
@Service
public class Receipts {

	private static final String NETWORK = "Unknot clinics";

	private final Ledger ledger;

	private final PaperDocuments paper;

	private final Patients patients;

	private final Appointments appointments;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	private final Clock clock;

	Receipts(Ledger ledger, PaperDocuments paper, Patients patients, Appointments appointments, Clinics clinics,
			CatalogProperties catalog, Clock clock) {
		this.ledger = ledger;
		this.paper = paper;
		this.patients = patients;
		this.appointments = appointments;
		this.clinics = clinics;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A payment or refund with a receipt, if there is one with this id. */
	@Transactional(readOnly = true)
	public Optional<LedgerEntry> withReceipt(UUID id) {
		return ledger.find(id).filter(LedgerEntry::movesMoney);
	}

	@Transactional(readOnly = true)
	public byte[] receipt(LedgerEntry entry) {
		Optional<Appointment> visit = Optional.ofNullable(entry.appointmentId()).flatMap(appointments::find);
		ZoneId zone = visit.map(v -> clinics.zoneOf(v.location())).orElse(catalog.virtualZone());
		return paper.receipt(letterhead(visit), nameOf(entry.patientId()), entry,
				visit.map(Appointment::start).orElse(null), zone);
	}

	@Transactional(readOnly = true)
	public byte[] statement(PatientId whose) {
		UUID patientId = whose.value();
		List<LedgerEntry> rows = ledger.ofPatient(whose);
		Optional<Appointment> latest = rows.stream()
			.map(LedgerEntry::appointmentId)
			.filter(Objects::nonNull)
			.reduce((first, second) -> second)
			.flatMap(appointments::find);
		return paper.statement(letterhead(latest), nameOf(patientId), rows, catalog.virtualZone(), clock.instant());
	}

	private Letterhead letterhead(Optional<Appointment> visit) {
		return visit.map(v -> v.location().clinicIdOrNull())
			.flatMap(clinics::find)
			.map(Receipts::letterhead)
			.orElse(new Letterhead(NETWORK, List.of(), null));
	}

	private static Letterhead letterhead(Clinic clinic) {
		Clinic.Address a = clinic.address();
		return new Letterhead(clinic.name(), List.of(a.street(), a.city() + ", " + a.state() + " " + a.postalCode()),
				clinic.phone());
	}

	private String nameOf(UUID patientId) {
		return patients.find(patientId).map(p -> p.givenName() + " " + p.familyName()).orElse("Patient");
	}

}
