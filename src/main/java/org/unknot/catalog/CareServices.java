package org.unknot.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.NotFound;
import org.unknot.system.ReadInThisTransaction;

/** The service catalog. */
@Repository
public class CareServices {

	private static final String SELECT = "SELECT * FROM care_service";

	private final JdbcClient jdbc;

	/**
	 * A booking asks for its service from several modules (rules, price, policy words):
	 * read once per transaction.
	 */
	private final ReadInThisTransaction<String, CareService> read = new ReadInThisTransaction<>();

	CareServices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CareService> all() {
		return jdbc.sql(SELECT + " ORDER BY category, name, duration_minutes").query(CareServices::map).list();
	}

	/** Every service by its id, in catalog order. */
	public java.util.Map<String, CareService> byId() {
		java.util.Map<String, CareService> byId = new java.util.LinkedHashMap<>();
		all().forEach(service -> byId.put(service.id(), service));
		return byId;
	}

	public Optional<CareService> find(String id) {
		return read.find(id, key -> jdbc.sql(SELECT + " WHERE id = ?").param(key).query(CareServices::map).optional());
	}

	/**
	 * The service as read by this transaction elsewhere: availability's reference data,
	 * once the bookings query has shown its version to be current.
	 */
	public void readInThisTransaction(CareService service) {
		read.remember(service.id(), service);
	}

	/** After a change of the service, this transaction reads it afresh. */
	void changed(String id) {
		read.forget(id);
	}

	public CareService get(String field, String id) {
		return find(id).orElseThrow(() -> new NotFound(field, "service", id));
	}

	static CareService map(ResultSet rs, int row) throws SQLException {
		String roomKind = rs.getString("room_kind");
		String prerequisite = rs.getString("prerequisite_category");
		return new CareService(rs.getString("id"), rs.getString("name"),
				ServiceCategory.valueOf(rs.getString("category")), rs.getString("description"),
				minutes(rs, "duration_minutes"), minutes(rs, "buffer_before_minutes"),
				minutes(rs, "buffer_after_minutes"), roomKind == null ? null : RoomKind.valueOf(roomKind),
				rs.getBoolean("in_person"), rs.getBoolean("virtual"), rs.getInt("price_cents"),
				strings(rs.getArray("billing_codes")),
				prerequisite == null ? null : ServiceCategory.valueOf(prerequisite), minutes(rs, "min_notice_minutes"),
				rs.getInt("max_advance_days"), minutes(rs, "slot_step_minutes"),
				Set.copyOf(strings(rs.getArray("licence_types"))));
	}

	private static Duration minutes(ResultSet rs, String column) throws SQLException {
		return Duration.ofMinutes(rs.getInt(column));
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
