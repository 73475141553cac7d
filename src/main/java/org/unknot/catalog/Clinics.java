package org.unknot.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.NotFound;

/** The clinics of the network, with their rooms and closures. */
@Repository
public class Clinics {

	private final JdbcClient jdbc;

	private final CatalogProperties catalog;

	Clinics(JdbcClient jdbc, CatalogProperties catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * The zone in which times at a location are read: the clinic's own, or for video
	 * visits the configured {@link CatalogProperties#virtualZone()}.
	 */
	public ZoneId zoneOf(LocationId location) {
		if (location.isVirtual()) {
			return catalog.virtualZone();
		}
		return jdbc.sql("SELECT zone FROM clinic WHERE id = ?")
			.param(location.value())
			.query(String.class)
			.optional()
			.map(ZoneId::of)
			.orElseThrow(() -> new NotFound("location", "clinic", location.value()));
	}

	public List<Clinic> all() {
		Map<String, List<Room>> rooms = jdbc.sql("SELECT * FROM room ORDER BY id")
			.query(Clinics::room)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Room::clinicId));
		return jdbc.sql("SELECT * FROM clinic ORDER BY name")
			.query((rs, n) -> clinic(rs, rooms.getOrDefault(rs.getString("id"), List.of())))
			.list();
	}

	/** Every clinic by its id, in the order of {@link #all()}. */
	public java.util.Map<String, Clinic> byId() {
		java.util.Map<String, Clinic> byId = new java.util.LinkedHashMap<>();
		all().forEach(clinic -> byId.put(clinic.id(), clinic));
		return byId;
	}

	public Optional<Clinic> find(String id) {
		List<Room> rooms = jdbc.sql("SELECT * FROM room WHERE clinic_id = ? ORDER BY id")
			.param(id)
			.query(Clinics::room)
			.list();
		return jdbc.sql("SELECT * FROM clinic WHERE id = ?").param(id).query((rs, n) -> clinic(rs, rooms)).optional();
	}

	public Clinic get(String field, String id) {
		return find(id).orElseThrow(() -> new NotFound(field, "clinic", id));
	}

	/** Closures of the clinic touching the given days (none for video visits). */
	public List<ClinicClosure> closures(LocationId clinic, LocalDate from, LocalDate to) {
		return jdbc.sql(
				"SELECT * FROM clinic_closure WHERE clinic_id = ? AND first_day <= ? AND last_day >= ? ORDER BY first_day")
			.params(clinic.value(), to, from)
			.query((rs, n) -> new ClinicClosure(rs.getString("clinic_id"), rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class), rs.getString("reason")))
			.list();
	}

	/** Closures of every clinic that last until {@code day} or later. */
	public List<ClinicClosure> closuresUntilOrAfter(LocalDate day) {
		return jdbc.sql("SELECT * FROM clinic_closure WHERE last_day >= ? ORDER BY clinic_id, first_day")
			.param(day)
			.query((rs, n) -> new ClinicClosure(rs.getString("clinic_id"), rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class), rs.getString("reason")))
			.list();
	}

	private static Clinic clinic(ResultSet rs, List<Room> rooms) throws SQLException {
		return new Clinic(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("zone")),
				new Clinic.Address(rs.getString("street"), rs.getString("city"), rs.getString("state"),
						rs.getString("postal_code")),
				rs.getString("phone"), rs.getString("tax_id"), rs.getBigDecimal("latitude"),
				rs.getBigDecimal("longitude"), rooms);
	}

	private static Room room(ResultSet rs, int n) throws SQLException {
		return new Room(rs.getString("id"), rs.getString("clinic_id"), rs.getString("name"),
				RoomKind.valueOf(rs.getString("kind")));
	}

}
