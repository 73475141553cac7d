package org.unknot.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Admins change what is offered and where: a service's terms (length, buffers, price, codes, notice,
 * booking window, grid), a clinic's closures and its rooms. Availability sees every change from its
 * next request. The database's own checks stand behind every rule here.
 */
@Service
public class CatalogAdmin {

	private final JdbcClient jdbc;
	private final CareServices services;
	private final Clinics clinics;

	CatalogAdmin(JdbcClient jdbc, CareServices services, Clinics clinics) {
		this.jdbc = jdbc;
		this.services = services;
		this.clinics = clinics;
	}

	/** The terms of a service an admin may change; the kind of care, its modes and its room stay as they are. */
	public record ServiceTerms(String name, String description, Integer durationMinutes, Integer bufferBeforeMinutes,
			Integer bufferAfterMinutes, Integer priceCents, List<String> billingCodes, Integer minNoticeMinutes,
			Integer maxAdvanceDays, Integer slotStepMinutes) {
	}

	@Transactional
	public CareService updateService(String id, ServiceTerms terms) {
		services.get("service", id);
		List<FieldProblem> problems = new ArrayList<>();
		if (terms.name() == null || terms.name().isBlank()) {
			problems.add(new FieldProblem("name", "Enter the name patients see."));
		}
		range("durationMinutes", terms.durationMinutes(), 5, 480, problems);
		range("bufferBeforeMinutes", terms.bufferBeforeMinutes(), 0, 120, problems);
		range("bufferAfterMinutes", terms.bufferAfterMinutes(), 0, 120, problems);
		range("priceCents", terms.priceCents(), 0, 10_000_000, problems);
		range("minNoticeMinutes", terms.minNoticeMinutes(), 0, 60 * 24 * 30, problems);
		range("maxAdvanceDays", terms.maxAdvanceDays(), 1, 800, problems);
		if (terms.slotStepMinutes() == null || terms.slotStepMinutes() <= 0 || 1440 % terms.slotStepMinutes() != 0) {
			problems.add(new FieldProblem("slotStepMinutes", "Use a step that divides the day evenly: 5, 10, 15, 20, 30 or 60."));
		}
		for (String code : terms.billingCodes()) {
			if (!code.matches("[A-Z0-9]{4,7}")) {
				problems.add(new FieldProblem("billingCodes", "'" + code + "' is not a procedure code like 97124."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The service cannot be saved as entered.", problems);
		}
		jdbc.sql("""
				UPDATE care_service SET name = ?, description = ?, duration_minutes = ?, buffer_before_minutes = ?,
				    buffer_after_minutes = ?, price_cents = ?, billing_codes = ?, min_notice_minutes = ?,
				    max_advance_days = ?, slot_step_minutes = ?
				WHERE id = ?""")
			.params(terms.name().strip(), terms.description() == null ? "" : terms.description().strip(),
					terms.durationMinutes(), terms.bufferBeforeMinutes(), terms.bufferAfterMinutes(), terms.priceCents(),
					terms.billingCodes().toArray(String[]::new), terms.minNoticeMinutes(), terms.maxAdvanceDays(),
					terms.slotStepMinutes(), id)
			.update();
		return services.get("service", id);
	}

	/** Closes a clinic from one day to another (inclusive): no visit is offered there then. */
	@Transactional
	public ClinicClosure addClosure(String clinicId, LocalDate first, LocalDate last, String reason) {
		clinics.get("clinic", clinicId);
		List<FieldProblem> problems = new ArrayList<>();
		if (first == null) {
			problems.add(new FieldProblem("first", "Enter the first closed day."));
		}
		if (last == null) {
			problems.add(new FieldProblem("last", "Enter the last closed day."));
		}
		else if (first != null && last.isBefore(first)) {
			problems.add(new FieldProblem("last", "The last day cannot be before the first."));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "Say why, e.g. a public holiday."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The closure cannot be added as entered.", problems);
		}
		jdbc.sql("INSERT INTO clinic_closure (clinic_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)")
			.params(clinicId, first, last, reason.strip())
			.update();
		return new ClinicClosure(clinicId, first, last, reason.strip());
	}

	/** Adds a room of a kind to a clinic; one more visit needing that kind fits at a time. */
	@Transactional
	public Room addRoom(String clinicId, String name, RoomKind kind) {
		clinics.get("clinic", clinicId);
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "Enter the room's name, e.g. Room 3."));
		}
		if (kind == null) {
			problems.add(new FieldProblem("kind", "Choose the kind of room."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The room cannot be added as entered.", problems);
		}
		String id = clinicId + "-" + name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM room WHERE id = ?)").param(id).query(Boolean.class).single()) {
			throw new InvalidRequest("name", "This clinic already has a room called " + name.strip() + ".");
		}
		jdbc.sql("INSERT INTO room (id, clinic_id, name, kind) VALUES (?, ?, ?, ?)")
			.params(id, clinicId, name.strip(), kind.name())
			.update();
		return new Room(id, clinicId, name.strip(), kind);
	}

	private static void range(String field, Integer value, int min, int max, List<FieldProblem> problems) {
		if (value == null || value < min || value > max) {
			problems.add(new FieldProblem(field, "Enter a whole number from " + min + " to " + max + "."));
		}
	}
}
