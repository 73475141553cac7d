package org.unknot.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.NotFound;
import org.unknot.system.ReadInThisTransaction;

/** The patients, found or created by email and birth date. */
@Repository
public class Patients {

	private final JdbcClient jdbc;

	/**
	 * Preferences read with the patient's upsert, which also locks the row until the end
	 * of the transaction.
	 */
	private final ReadInThisTransaction<UUID, NotificationPreference> preferences = new ReadInThisTransaction<>();

	/** Patients this transaction created (their upsert inserted the row). */
	private final ReadInThisTransaction<UUID, Boolean> created = new ReadInThisTransaction<>();

	Patients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The patient with this email and birth date, created if new. Names and phone are
	 * updated to what the patient gave this time, so the practice always has their latest
	 * contact details. Their notification preference comes back with the same statement
	 * and is kept for the rest of the transaction: a booking reads it again to plan its
	 * messages.
	 */
	public UUID identify(PatientDetails details) {
		Identified identified = jdbc.sql("""
				INSERT INTO patient (id, email, birth_date, given_name, family_name, phone)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (email, birth_date) DO UPDATE
				   SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
				       phone = COALESCE(EXCLUDED.phone, patient.phone)
				RETURNING id, notify_by, notifications_opted_out, xmax = 0 AS created""")
			.params(UUID.randomUUID(), details.email(), details.birthDate(), details.givenName(), details.familyName(),
					details.phone())
			.query((rs, n) -> new Identified(rs.getObject("id", UUID.class), preference(rs), rs.getBoolean("created")))
			.single();
		preferences.remember(identified.id(), identified.preference());
		if (identified.created()) {
			created.remember(identified.id(), true);
		}
		return identified.id();
	}

	public NotificationPreference notificationPreference(UUID id) {
		NotificationPreference known = preferences.get(id);
		if (known != null) {
			return known;
		}
		return jdbc.sql("SELECT notify_by, notifications_opted_out FROM patient WHERE id = ?")
			.param(id)
			.query((rs, n) -> preference(rs))
			.optional()
			.orElse(NotificationPreference.DEFAULT);
	}

	private static NotificationPreference preference(ResultSet rs) throws SQLException {
		return new NotificationPreference(NotificationPreference.Channels.ofCode(rs.getString("notify_by")),
				rs.getBoolean("notifications_opted_out"));
	}

	public void setNotificationPreference(UUID id, NotificationPreference preference) {
		jdbc.sql("UPDATE patient SET notify_by = ?, notifications_opted_out = ? WHERE id = ?")
			.params(preference.channels().code(), preference.optedOut(), id)
			.update();
		preferences.forget(id);
	}

	/** The patients with these ids, by id. */
	public java.util.Map<UUID, Patient> byIds(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<UUID, Patient> found = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM patient WHERE id = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query(Patients::map)
			.list()
			.forEach(patient -> found.put(patient.id(), patient));
		return found;
	}

	/**
	 * Patients whose name or email contains every word of the query (at most 20), for the
	 * front desk finding a caller.
	 */
	public java.util.List<Patient> search(String query) {
		String[] words = query == null ? new String[0] : query.strip().toLowerCase().split("\\s+");
		if (words.length == 0 || words[0].length() < 2) {
			return java.util.List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM patient WHERE true");
		java.util.List<Object> params = new java.util.ArrayList<>();
		for (String word : words) {
			sql.append(" AND lower(given_name || ' ' || family_name || ' ' || email) LIKE ?");
			params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		sql.append(" ORDER BY family_name, given_name, birth_date LIMIT 20");
		return jdbc.sql(sql.toString()).params(params).query(Patients::map).list();
	}

	/**
	 * Changes how the practice addresses and reaches the patient; email and birth date
	 * identify them and stay.
	 */
	public void updateContact(UUID id, PatientDetails.Contact contact) {
		jdbc.sql("UPDATE patient SET given_name = ?, family_name = ?, phone = ? WHERE id = ?")
			.params(contact.givenName(), contact.familyName(), contact.phone(), id)
			.update();
	}

	public Optional<Patient> find(UUID id) {
		return jdbc.sql("SELECT * FROM patient WHERE id = ?").param(id).query(Patients::map).optional();
	}

	/** The patient, or a 404 naming it. */
	public Patient get(UUID id) {
		return find(id).orElseThrow(() -> new NotFound(null, "patient", id.toString()));
	}

	private static Patient map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Patient(rs.getObject("id", UUID.class), rs.getString("given_name"), rs.getString("family_name"),
				rs.getString("email"), PhoneNumber.read(rs.getString("phone")),
				rs.getObject("birth_date", LocalDate.class));
	}

	/**
	 * Whether this patient's row was inserted by the current transaction: nothing written
	 * before it can be theirs.
	 */
	public boolean createdInThisTransaction(UUID id) {
		return Boolean.TRUE.equals(created.get(id));
	}

	private record Identified(UUID id, NotificationPreference preference, boolean created) {
	}

}
