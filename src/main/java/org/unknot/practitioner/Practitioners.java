package org.unknot.practitioner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;

/** The practitioners, with their licences, services, working hours and time off. */
@Repository
public class Practitioners {

	private static final String SELECT = """
			SELECT p.*, ARRAY(SELECT s.service_id FROM practitioner_service s
			                  WHERE s.practitioner_id = p.id ORDER BY s.service_id) AS service_ids
			FROM practitioner p""";

	private final JdbcClient jdbc;

	Practitioners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Practitioner> all() {
		return withLicences(jdbc.sql(SELECT + " ORDER BY p.family_name, p.given_name").query(this::row).list());
	}

	/** Each practitioner's name as pages show it ("Ana Ribeiro, LMT"), by id. */
	public Map<String, String> displayNames() {
		return all().stream().collect(Collectors.toMap(Practitioner::id, Practitioner::displayName));
	}

	public Optional<Practitioner> find(PractitionerId id) {
		return withLicences(jdbc.sql(SELECT + " WHERE p.id = ?").param(id.value()).query(this::row).list()).stream()
			.findFirst();
	}

	public Practitioner get(String field, PractitionerId id) {
		return find(id).orElseThrow(() -> new NotFound(field, "practitioner", id.value()));
	}

	/**
	 * Active practitioners offering the service, optionally only those with hours at the
	 * location.
	 */
	public List<Practitioner> offering(ServiceId service) {
		// a text block loses its common indentation: the space before WHERE must be
		// outside it
		return withLicences(jdbc.sql(SELECT + " " + """
				WHERE p.active AND EXISTS (SELECT 1 FROM practitioner_service s
				                           WHERE s.practitioner_id = p.id AND s.service_id = ?)
				ORDER BY p.family_name, p.given_name""").param(service.value()).query(this::row).list());
	}

	/** Working hours of these practitioners at a clinic, or on video. */
	public List<WorkingHours> workingHours(Collection<PractitionerId> practitionerIds, LocationId location) {
		if (practitionerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM working_hours
				WHERE practitioner_id = ANY(?) AND clinic_id IS NOT DISTINCT FROM ?
				ORDER BY practitioner_id, weekday, start_time""")
			.params(values(practitionerIds), location.clinicIdOrNull())
			.query(Practitioners::hours)
			.list();
	}

	/** Every working-hours rule of every practitioner. */
	public List<WorkingHours> allWorkingHours() {
		return jdbc.sql("SELECT * FROM working_hours ORDER BY practitioner_id, weekday, start_time")
			.query(Practitioners::hours)
			.list();
	}

	/** Time off of every practitioner that ends after {@code after}. */
	public List<TimeOff> timeOffEndingAfter(Instant after) {
		return jdbc.sql("SELECT * FROM time_off WHERE end_at > ? ORDER BY start_at")
			.param(OffsetDateTime.ofInstant(after, ZoneId.of("UTC")))
			.query((rs, n) -> new TimeOff(rs.getString("practitioner_id"), instant(rs, "start_at"),
					instant(rs, "end_at"), rs.getString("reason")))
			.list();
	}

	/** Every working-hours rule of one practitioner, at every location. */
	public List<WorkingHours> workingHoursOf(PractitionerId practitionerId) {
		return jdbc.sql("SELECT * FROM working_hours WHERE practitioner_id = ? ORDER BY clinic_id, weekday, start_time")
			.param(practitionerId.value())
			.query(Practitioners::hours)
			.list();
	}

	/**
	 * Blocks [from, to) in a practitioner's calendar (a meeting, a training, illness):
	 * availability offers nothing there from the next request on. Visits already booked
	 * then stay booked.
	 */
	@Transactional
	public TimeOff blockTime(PractitionerId practitionerId, Instant from, Instant to, String reason) {
		get("practitioner", practitionerId);
		if (!to.isAfter(from)) {
			throw new InvalidRequest("to", "The end of the blocked time must be after its start.");
		}
		String why = reason == null || reason.isBlank() ? "blocked" : reason.strip();
		jdbc.sql("INSERT INTO time_off (practitioner_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)")
			.params(practitionerId.value(), OffsetDateTime.ofInstant(from, ZoneId.of("UTC")),
					OffsetDateTime.ofInstant(to, ZoneId.of("UTC")), why)
			.update();
		return new TimeOff(practitionerId.value(), from, to, why);
	}

	public List<TimeOff> timeOff(Collection<PractitionerId> practitionerIds, Instant from, Instant to) {
		if (practitionerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM time_off WHERE practitioner_id = ANY(?) AND start_at < ? AND end_at > ?
				ORDER BY start_at""")
			.params(values(practitionerIds), OffsetDateTime.ofInstant(to, ZoneId.of("UTC")),
					OffsetDateTime.ofInstant(from, ZoneId.of("UTC")))
			.query((rs, n) -> new TimeOff(rs.getString("practitioner_id"), instant(rs, "start_at"),
					instant(rs, "end_at"), rs.getString("reason")))
			.list();
	}

	private Practitioner row(ResultSet rs, int n) throws SQLException {
		return new Practitioner(rs.getString("id"), rs.getString("given_name"), rs.getString("family_name"),
				Profession.valueOf(rs.getString("profession")), rs.getString("credentials"), rs.getString("npi"),
				rs.getString("taxonomy_code"), rs.getString("bio"), strings(rs.getArray("specialties")),
				strings(rs.getArray("languages")), List.of(), Set.copyOf(strings(rs.getArray("service_ids"))),
				rs.getBoolean("active"));
	}

	private List<Practitioner> withLicences(List<Practitioner> practitioners) {
		if (practitioners.isEmpty()) {
			return practitioners;
		}
		Map<String, List<Licence>> licences = jdbc
			.sql("SELECT * FROM practitioner_licence WHERE practitioner_id = ANY(?) ORDER BY expires_on DESC")
			.param(practitioners.stream().map(Practitioner::id).toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("practitioner_id"),
					new Licence(rs.getString("type"), rs.getString("number"), rs.getString("state"),
							rs.getObject("issued_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return practitioners.stream()
			.map(p -> new Practitioner(p.id(), p.givenName(), p.familyName(), p.profession(), p.credentials(), p.npi(),
					p.taxonomyCode(), p.bio(), p.specialties(), p.languages(), licences.getOrDefault(p.id(), List.of()),
					p.serviceIds(), p.active()))
			.toList();
	}

	private static String[] values(Collection<PractitionerId> ids) {
		return ids.stream().map(PractitionerId::value).toArray(String[]::new);
	}

	private static WorkingHours hours(ResultSet rs, int n) throws SQLException {
		return new WorkingHours(rs.getString("practitioner_id"), rs.getString("clinic_id"),
				DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
				rs.getObject("end_time", LocalTime.class), ZoneId.of(rs.getString("zone")),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
