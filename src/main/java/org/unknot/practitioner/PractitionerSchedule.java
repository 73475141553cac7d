package org.unknot.practitioner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.LocationId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.NotFound;

/**
 * When a practitioner works: weekly working-hours rules with the dates they apply, and
 * time off. Admins add rules, stop them from a date on (so a change of schedule never
 * rewrites the past), and add or withdraw time off. Availability follows from its next
 * request; visits already booked stay.
 */
@Service
public class PractitionerSchedule {

	private final JdbcClient jdbc;

	private final Practitioners practitioners;

	PractitionerSchedule(JdbcClient jdbc, Practitioners practitioners) {
		this.jdbc = jdbc;
		this.practitioners = practitioners;
	}

	/** A working-hours rule as stored, with the id that stopping it names. */
	public record HoursRule(long id, WorkingHours hours) {
	}

	/** Time off as stored, with the id that withdrawing it names. */
	public record TimeOffEntry(long id, TimeOff timeOff) {
	}

	public List<HoursRule> hoursRules(PractitionerId practitionerId) {
		return jdbc.sql("""
				SELECT * FROM working_hours WHERE practitioner_id = ?
				ORDER BY clinic_id NULLS LAST, weekday, start_time, effective_from""")
			.param(practitionerId.value())
			.query((rs, n) -> new HoursRule(rs.getLong("id"),
					new WorkingHours(rs.getString("practitioner_id"), rs.getString("clinic_id"),
							DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
							rs.getObject("end_time", LocalTime.class), ZoneId.of(rs.getString("zone")),
							rs.getObject("effective_from", LocalDate.class),
							rs.getObject("effective_to", LocalDate.class))))
			.list();
	}

	/**
	 * Adds a weekly rule: on {@code weekday} from {@code start} to {@code end} local time
	 * at a clinic (or {@link LocationId#VIRTUAL}: video visits, in {@code zone}), from
	 * {@code from} on.
	 */
	@Transactional
	public WorkingHours addHours(PractitionerId practitionerId, LocationId location, DayOfWeek weekday, LocalTime start,
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
		jdbc.sql(
				"""
						INSERT INTO working_hours (practitioner_id, clinic_id, weekday, start_time, end_time, zone, effective_from,
						    effective_to)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(practitionerId.value(), location.clinicIdOrNull(), weekday.getValue(), start, end, zone.getId(),
					from, to)
			.update();
		return new WorkingHours(practitionerId.value(), location.clinicIdOrNull(), weekday, start, end, zone, from, to);
	}

	/**
	 * Stops a rule after {@code lastDay}. A rule stopped before its first day never
	 * applied, and goes. Answers whether the rule still exists.
	 */
	@Transactional
	public boolean stopHours(PractitionerId practitionerId, long ruleId, LocalDate lastDay) {
		HoursRule rule = hoursRules(practitionerId).stream()
			.filter(candidate -> candidate.id() == ruleId)
			.findFirst()
			.orElseThrow(() -> new NotFound("rule", "working hours", Long.toString(ruleId)));
		if (lastDay == null) {
			throw new InvalidRequest("lastDay", "Enter the last day these hours apply.");
		}
		if (rule.hours().effectiveTo() != null && lastDay.isAfter(rule.hours().effectiveTo())) {
			throw new InvalidRequest("lastDay",
					"These hours end on " + rule.hours().effectiveTo() + " already; add new hours to work longer.");
		}
		if (lastDay.isBefore(rule.hours().effectiveFrom())) {
			jdbc.sql("DELETE FROM working_hours WHERE id = ?").param(ruleId).update();
			return false;
		}
		jdbc.sql("UPDATE working_hours SET effective_to = ? WHERE id = ?").params(lastDay, ruleId).update();
		return true;
	}

	/** Time off that has not ended by {@code now}, soonest first. */
	public List<TimeOffEntry> timeOffAfter(PractitionerId practitionerId, Instant now) {
		return jdbc.sql("SELECT * FROM time_off WHERE practitioner_id = ? AND end_at > ? ORDER BY start_at")
			.params(practitionerId.value(), utc(now))
			.query(PractitionerSchedule::timeOff)
			.list();
	}

	/** Gives blocked time back: availability offers it again from the next request. */
	@Transactional
	public void withdrawTimeOff(PractitionerId practitionerId, long timeOffId) {
		int removed = jdbc.sql("DELETE FROM time_off WHERE id = ? AND practitioner_id = ?")
			.params(timeOffId, practitionerId.value())
			.update();
		if (removed == 0) {
			throw new NotFound("timeOff", "time off", Long.toString(timeOffId));
		}
	}

	private static TimeOffEntry timeOff(ResultSet rs, int n) throws SQLException {
		return new TimeOffEntry(rs.getLong("id"),
				new TimeOff(rs.getString("practitioner_id"), rs.getObject("start_at", OffsetDateTime.class).toInstant(),
						rs.getObject("end_at", OffsetDateTime.class).toInstant(), rs.getString("reason")));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
