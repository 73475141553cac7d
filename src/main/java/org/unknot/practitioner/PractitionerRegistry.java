package org.unknot.practitioner;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Admins add practitioners, their licences, the services they offer and their working hours. The
 * availability engine sees every change from its next request (reference data is versioned by the
 * database).
 */
@Service
public class PractitionerRegistry {

	private final JdbcClient jdbc;
	private final Practitioners practitioners;

	PractitionerRegistry(JdbcClient jdbc, Practitioners practitioners) {
		this.jdbc = jdbc;
		this.practitioners = practitioners;
	}

	public record NewPractitioner(String givenName, String familyName, Profession profession, String credentials,
			String npi, String bio, List<String> specialties, List<String> languages, List<String> serviceIds,
			String licenceType, String licenceNumber, String licenceState, LocalDate licenceIssued,
			LocalDate licenceExpires) {
	}

	@Transactional
	public String create(NewPractitioner request) {
		List<FieldProblem> problems = new ArrayList<>();
		require(request.givenName(), "givenName", "Enter the first name.", problems);
		require(request.familyName(), "familyName", "Enter the last name.", problems);
		if (request.profession() == null) {
			problems.add(new FieldProblem("profession", "Choose the profession."));
		}
		require(request.credentials(), "credentials", "Enter the credentials shown after the name, e.g. LMT or MD.",
				problems);
		if (request.npi() != null && !request.npi().isBlank() && !Npi.valid(request.npi().strip())) {
			problems.add(new FieldProblem("npi", "An NPI has 10 digits and a valid check digit."));
		}
		require(request.licenceType(), "licenceType", "Enter the licence type, e.g. LMT.", problems);
		require(request.licenceNumber(), "licenceNumber", "Enter the licence number.", problems);
		if (request.licenceState() == null || !request.licenceState().strip().matches("[A-Za-z]{2}")) {
			problems.add(new FieldProblem("licenceState", "Enter the two-letter state, e.g. NJ."));
		}
		if (request.licenceIssued() == null) {
			problems.add(new FieldProblem("licenceIssued", "Enter the date the licence was issued."));
		}
		if (request.licenceExpires() == null) {
			problems.add(new FieldProblem("licenceExpires", "Enter the date the licence expires."));
		}
		else if (request.licenceIssued() != null && request.licenceExpires().isBefore(request.licenceIssued())) {
			problems.add(new FieldProblem("licenceExpires", "The licence cannot expire before it was issued."));
		}
		List<String> unknownServices = request.serviceIds()
			.stream()
			.filter(id -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_service WHERE id = ?)")
				.param(id)
				.query(Boolean.class)
				.single())
			.toList();
		if (!unknownServices.isEmpty()) {
			problems.add(new FieldProblem("serviceIds", "Unknown services: " + String.join(", ", unknownServices)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The practitioner cannot be added as entered.", problems);
		}
		String id = freeId(request.givenName(), request.familyName());
		jdbc.sql("""
				INSERT INTO practitioner (id, given_name, family_name, profession, credentials, npi, bio, specialties,
				    languages)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, request.givenName().strip(), request.familyName().strip(), request.profession().name(),
					request.credentials().strip(), blankToNull(request.npi()),
					request.bio() == null ? "" : request.bio().strip(), request.specialties().toArray(String[]::new),
					request.languages().toArray(String[]::new))
			.update();
		jdbc.sql("""
				INSERT INTO practitioner_licence (practitioner_id, type, number, state, issued_on, expires_on)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, request.licenceType().strip(), request.licenceNumber().strip(),
					request.licenceState().strip().toUpperCase(Locale.ROOT), request.licenceIssued(),
					request.licenceExpires())
			.update();
		for (String serviceId : request.serviceIds()) {
			jdbc.sql("INSERT INTO practitioner_service (practitioner_id, service_id) VALUES (?, ?)")
				.params(id, serviceId)
				.update();
		}
		return id;
	}

	/**
	 * Adds a weekly rule: on {@code weekday} from {@code start} to {@code end} local time at a clinic
	 * (null: video visits, in {@code zone}), from {@code from} on.
	 */
	@Transactional
	public WorkingHours addHours(String practitionerId, String clinicId, DayOfWeek weekday, LocalTime start,
			LocalTime end, ZoneId zone, LocalDate from, LocalDate to) {
		practitioners.get("practitioner", practitionerId);
		List<FieldProblem> problems = new ArrayList<>();
		if (weekday == null) {
			problems.add(new FieldProblem("weekday", "Choose the weekday."));
		}
		if (start == null || end == null || !end.isAfter(start)) {
			problems.add(new FieldProblem("end", "The hours must end after they start."));
		}
		if (from == null) {
			problems.add(new FieldProblem("from", "Enter the first day these hours apply."));
		}
		else if (to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("to", "The last day cannot be before the first."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The working hours cannot be added as entered.", problems);
		}
		jdbc.sql("""
				INSERT INTO working_hours (practitioner_id, clinic_id, weekday, start_time, end_time, zone, effective_from,
				    effective_to)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(practitionerId, clinicId, weekday.getValue(), start, end, zone.getId(), from, to)
			.update();
		return new WorkingHours(practitionerId, clinicId, weekday, start, end, zone, from, to);
	}

	private String freeId(String given, String family) {
		String base = slug(given + "-" + family);
		String id = base;
		for (int n = 2; jdbc.sql("SELECT EXISTS (SELECT 1 FROM practitioner WHERE id = ?)")
			.param(id)
			.query(Boolean.class)
			.single(); n++) {
			id = base + "-" + n;
		}
		return id;
	}

	static String slug(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "practitioner" : slug;
	}

	private static void require(String value, String field, String message, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, message));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
