package org.unknot.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.InvalidRequest;
import org.unknot.system.ReadableIds;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Admins change what is offered and where: services (new ones, and every term of existing
 * ones), a clinic's closures and its rooms. Availability sees every change from its next
 * request. The database's own checks stand behind every rule here.
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

	/**
	 * Everything about a service an admin sets, but its kind of care, which a new service
	 * is given once: terms (length, buffers, price, codes, notice, window, grid) and
	 * setting (modes, room, prerequisite, the licences that allow giving it).
	 */
	public record ServiceTerms(String name, String description, Integer durationMinutes, Integer bufferBeforeMinutes,
			Integer bufferAfterMinutes, Integer priceCents, List<String> billingCodes, Integer minNoticeMinutes,
			Integer maxAdvanceDays, Integer slotStepMinutes, boolean inPerson, boolean virtual, RoomKind roomKind,
			ServiceCategory prerequisite, List<String> licenceTypes) {
	}

	/**
	 * Changes a service. Visits already booked keep their time and room; availability
	 * follows the new terms from its next request.
	 */
	@Transactional
	public CareService updateService(String id, ServiceTerms terms) {
		CareService service = services.get("service", id);
		check(service.category(), terms, null);
		jdbc.sql("""
				UPDATE care_service SET name = ?, description = ?, duration_minutes = ?, buffer_before_minutes = ?,
				    buffer_after_minutes = ?, price_cents = ?, billing_codes = ?, min_notice_minutes = ?,
				    max_advance_days = ?, slot_step_minutes = ?, in_person = ?, virtual = ?, room_kind = ?,
				    prerequisite_category = ?, licence_types = ?
				WHERE id = ?""")
			.params(terms.name().strip(), description(terms), terms.durationMinutes(), terms.bufferBeforeMinutes(),
					terms.bufferAfterMinutes(), terms.priceCents(), terms.billingCodes().toArray(String[]::new),
					terms.minNoticeMinutes(), terms.maxAdvanceDays(), terms.slotStepMinutes(), terms.inPerson(),
					terms.virtual(), name(terms.roomKind()), name(terms.prerequisite()), licenceTypes(terms), id)
			.update();
		services.changed(id);
		return services.get("service", id);
	}

	/**
	 * Adds a service of a kind of care. Nobody offers it until practitioners are given it
	 * (on their admin page); its id is made from its name.
	 */
	@Transactional
	public CareService createService(ServiceCategory category, ServiceTerms terms) {
		List<FieldProblem> problems = new ArrayList<>();
		if (category == null) {
			problems.add(new FieldProblem("category", "Choose the kind of care."));
		}
		check(category, terms, problems);
		String id = freeServiceId(terms.name());
		jdbc.sql(
				"""
						INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
						    buffer_after_minutes, room_kind, in_person, virtual, price_cents, billing_codes, prerequisite_category,
						    min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, terms.name().strip(), category.name(), description(terms), terms.durationMinutes(),
					terms.bufferBeforeMinutes(), terms.bufferAfterMinutes(), name(terms.roomKind()), terms.inPerson(),
					terms.virtual(), terms.priceCents(), terms.billingCodes().toArray(String[]::new),
					name(terms.prerequisite()), terms.minNoticeMinutes(), terms.maxAdvanceDays(),
					terms.slotStepMinutes(), licenceTypes(terms))
			.update();
		return services.get("service", id);
	}

	/**
	 * Refuses terms that break a rule, naming every field at once; {@code problems} may
	 * hold more already.
	 */
	private void check(ServiceCategory category, ServiceTerms terms, List<FieldProblem> earlier) {
		List<FieldProblem> problems = earlier == null ? new ArrayList<>() : earlier;
		if (terms.name() == null || terms.name().isBlank()) {
			problems.add(new FieldProblem("name", "Enter the name patients see."));
		}
		else if (terms.name().strip().length() > 120) {
			problems.add(new FieldProblem("name", "Use at most 120 characters."));
		}
		range("durationMinutes", terms.durationMinutes(), 5, 480, problems);
		range("bufferBeforeMinutes", terms.bufferBeforeMinutes(), 0, 120, problems);
		range("bufferAfterMinutes", terms.bufferAfterMinutes(), 0, 120, problems);
		range("priceCents", terms.priceCents(), 0, 10_000_000, problems);
		range("minNoticeMinutes", terms.minNoticeMinutes(), 0, 60 * 24 * 30, problems);
		range("maxAdvanceDays", terms.maxAdvanceDays(), 1, 800, problems);
		if (terms.slotStepMinutes() == null || terms.slotStepMinutes() <= 0 || 1440 % terms.slotStepMinutes() != 0) {
			problems.add(new FieldProblem("slotStepMinutes",
					"Use a step that divides the day evenly: 5, 10, 15, 20, 30 or 60."));
		}
		for (String code : terms.billingCodes()) {
			if (!code.matches("[A-Z0-9]{4,7}")) {
				problems.add(new FieldProblem("billingCodes", "'" + code + "' is not a procedure code like 97124."));
			}
		}
		if (!terms.inPerson() && !terms.virtual()) {
			problems.add(new FieldProblem("inPerson", "Offer it in person, by video, or both."));
		}
		if (terms.roomKind() != null && !terms.inPerson()) {
			problems.add(new FieldProblem("roomKind", "A service given only by video needs no room."));
		}
		if (category != null && terms.prerequisite() == category) {
			problems.add(new FieldProblem("prerequisite", "A service cannot need a visit of its own kind first."));
		}
		if (terms.licenceTypes().isEmpty()) {
			problems.add(new FieldProblem("licenceTypes",
					"Name the licence types that allow giving it, e.g. LMT or MD, DO."));
		}
		for (String type : terms.licenceTypes()) {
			if (!type.matches("[A-Za-z]{2,12}")) {
				problems.add(new FieldProblem("licenceTypes", "'" + type + "' is not a licence type like LMT."));
				break;
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The service cannot be saved as entered.", problems);
		}
	}

	private String freeServiceId(String name) {
		return ReadableIds.freeFrom(name, "service", 60, this::serviceExists);
	}

	private boolean serviceExists(String id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_service WHERE id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private static String description(ServiceTerms terms) {
		return terms.description() == null ? "" : terms.description().strip();
	}

	private static String[] licenceTypes(ServiceTerms terms) {
		return terms.licenceTypes()
			.stream()
			.map(type -> type.strip().toUpperCase(Locale.ROOT))
			.distinct()
			.toArray(String[]::new);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	/**
	 * What an admin sets about a clinic; coordinates are optional (they place it on the
	 * map).
	 */
	public record ClinicDetails(String name, String street, String city, String state, String postalCode, String phone,
			String taxId, String zone, String latitude, String longitude) {
	}

	/**
	 * Opens a new clinic; it has no rooms and nobody works there until both are added.
	 * Answers its id.
	 */
	@Transactional
	public String createClinic(ClinicDetails details) {
		Checked checked = check(details);
		String id = ReadableIds.freeFrom(details.name(), "clinic", 40,
				candidate -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM clinic WHERE id = ?)")
					.param(candidate)
					.query(Boolean.class)
					.single());
		jdbc.sql("""
				INSERT INTO clinic (id, name, zone, street, city, state, postal_code, phone, tax_id, latitude,
				    longitude)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, details.name().strip(), checked.zone().getId(), details.street().strip(),
					details.city().strip(), details.state().strip().toUpperCase(Locale.ROOT),
					details.postalCode().strip(), details.phone().strip(), TaxId.normalized(details.taxId()),
					checked.latitude(), checked.longitude())
			.update();
		return id;
	}

	/**
	 * Changes a clinic's name, address, phone and coordinates. Its time zone stays:
	 * visits booked there were agreed in local time, and a new zone would move every one
	 * of them.
	 */
	@Transactional
	public void updateClinic(LocationId clinicId, ClinicDetails details) {
		Clinic clinic = clinics.get("clinic", clinicId.value());
		Checked checked = check(new ClinicDetails(details.name(), details.street(), details.city(), details.state(),
				details.postalCode(), details.phone(), details.taxId(), clinic.zone().getId(), details.latitude(),
				details.longitude()));
		jdbc.sql("""
				UPDATE clinic SET name = ?, street = ?, city = ?, state = ?, postal_code = ?, phone = ?, tax_id = ?,
				    latitude = ?, longitude = ?
				WHERE id = ?""")
			.params(details.name().strip(), details.street().strip(), details.city().strip(),
					details.state().strip().toUpperCase(Locale.ROOT), details.postalCode().strip(),
					details.phone().strip(), TaxId.normalized(details.taxId()), checked.latitude(), checked.longitude(),
					clinicId.value())
			.update();
	}

	private record Checked(java.time.ZoneId zone, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
	}

	private Checked check(ClinicDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		required(details.name(), "name", "Enter the name patients see.", 120, problems);
		required(details.street(), "street", "Enter the street address.", 200, problems);
		required(details.city(), "city", "Enter the city.", 100, problems);
		if (details.state() == null || !details.state().strip().matches("[A-Za-z]{2}")) {
			problems.add(new FieldProblem("state", "Enter the two-letter state, e.g. NJ."));
		}
		if (details.postalCode() == null || !details.postalCode().strip().matches("\\d{5}(-\\d{4})?")) {
			problems.add(new FieldProblem("postalCode", "Enter a ZIP code like 07030."));
		}
		if (details.phone() == null || !details.phone().strip().matches("[+()0-9 .\\-]{7,25}")) {
			problems.add(new FieldProblem("phone", "Enter a phone number like (201) 555-0100."));
		}
		if (!TaxId.validOrBlank(details.taxId())) {
			problems.add(new FieldProblem("taxId", TaxId.RULE));
		}
		java.time.ZoneId zone = null;
		try {
			zone = java.time.ZoneId.of(details.zone() == null ? "" : details.zone().strip());
		}
		catch (java.time.DateTimeException e) {
			problems.add(new FieldProblem("zone", "Choose the clinic's time zone."));
		}
		java.math.BigDecimal latitude = coordinate(details.latitude(), "latitude", 90, problems);
		java.math.BigDecimal longitude = coordinate(details.longitude(), "longitude", 180, problems);
		if ((latitude == null) != (longitude == null)
				&& problems.stream().noneMatch(p -> p.field().endsWith("itude"))) {
			problems.add(new FieldProblem("longitude", "Enter both coordinates, or neither."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The clinic cannot be saved as entered.", problems);
		}
		return new Checked(zone, latitude, longitude);
	}

	private static java.math.BigDecimal coordinate(String value, String field, int limit, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			java.math.BigDecimal number = new java.math.BigDecimal(value.strip()).setScale(6,
					java.math.RoundingMode.HALF_UP);
			if (number.abs().compareTo(java.math.BigDecimal.valueOf(limit)) > 0) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException e) {
			problems.add(
					new FieldProblem(field, "Enter a number from -" + limit + " to " + limit + ", or leave it empty."));
			return null;
		}
	}

	private static void required(String value, String field, String message, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, message));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "Use at most " + max + " characters."));
		}
	}

	/** A closure as stored, with the id that withdrawing it names. */
	public record ClosureEntry(long id, ClinicClosure closure) {
	}

	/** Closures that have not ended before {@code today}, soonest first. */
	public List<ClosureEntry> closuresFrom(LocationId clinicId, LocalDate today) {
		return jdbc.sql("SELECT * FROM clinic_closure WHERE clinic_id = ? AND last_day >= ? ORDER BY first_day")
			.params(clinicId.value(), today)
			.query((rs, n) -> new ClosureEntry(rs.getLong("id"),
					new ClinicClosure(rs.getString("clinic_id"), rs.getObject("first_day", LocalDate.class),
							rs.getObject("last_day", LocalDate.class), rs.getString("reason"))))
			.list();
	}

	/**
	 * Reopens the days of a closure: availability offers them again from its next
	 * request.
	 */
	@Transactional
	public void withdrawClosure(LocationId clinicId, long closureId) {
		if (jdbc.sql("DELETE FROM clinic_closure WHERE id = ? AND clinic_id = ?")
			.params(closureId, clinicId.value())
			.update() == 0) {
			throw new org.unknot.system.NotFound("closure", "closure", Long.toString(closureId));
		}
	}

	/**
	 * Closes a clinic from one day to another (inclusive): no visit is offered there
	 * then.
	 */
	@Transactional
	public ClinicClosure addClosure(LocationId clinicId, LocalDate first, LocalDate last, String reason) {
		clinics.get("clinic", clinicId.value());
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
			.params(clinicId.value(), first, last, reason.strip())
			.update();
		return new ClinicClosure(clinicId.value(), first, last, reason.strip());
	}

	/**
	 * Adds a room of a kind to a clinic; one more visit needing that kind fits at a time.
	 */
	@Transactional
	public Room addRoom(LocationId clinicId, String name, RoomKind kind) {
		clinics.get("clinic", clinicId.value());
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
		String id = clinicId.value() + "-" + name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM room WHERE id = ?)").param(id).query(Boolean.class).single()) {
			throw new InvalidRequest("name", "This clinic already has a room called " + name.strip() + ".");
		}
		jdbc.sql("INSERT INTO room (id, clinic_id, name, kind) VALUES (?, ?, ?, ?)")
			.params(id, clinicId.value(), name.strip(), kind.name())
			.update();
		return new Room(id, clinicId.value(), name.strip(), kind);
	}

	private static void range(String field, Integer value, int min, int max, List<FieldProblem> problems) {
		if (value == null || value < min || value > max) {
			problems.add(new FieldProblem(field, "Enter a whole number from " + min + " to " + max + "."));
		}
	}

}
