package org.unknot.care.measures;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.NotFound;

/**
 * Which measures each treatment plan takes when, and so which are due at a plan's next
 * visit.
 */
@Repository
public class MeasureSchedules {

	private final JdbcClient jdbc;

	private final Measures measures;

	MeasureSchedules(JdbcClient jdbc, Measures measures) {
		this.jdbc = jdbc;
		this.measures = measures;
	}

	/**
	 * Replaces the plan's schedule with these lines; the plan and each measure must
	 * exist.
	 */
	@Transactional
	public void set(UUID planId, List<ScheduledMeasure> lines) {
		boolean planned = jdbc.sql("SELECT EXISTS (SELECT 1 FROM treatment_plan WHERE id = ?)")
			.param(planId)
			.query(Boolean.class)
			.single();
		if (!planned) {
			throw new NotFound(null, "treatment plan", planId.toString());
		}
		lines.forEach(line -> measures.get(line.measure()));
		jdbc.sql("DELETE FROM measure_schedule WHERE plan_id = ?").param(planId).update();
		for (ScheduledMeasure line : lines) {
			jdbc.sql("""
					INSERT INTO measure_schedule (plan_id, measure, timing, every) VALUES (?, ?, ?, ?)
					ON CONFLICT (plan_id, measure, timing) DO UPDATE SET every = EXCLUDED.every""")
				.params(planId, line.measure(), line.timing().name(), line.every())
				.update();
		}
	}

	/** The plan's schedule, by measure, each measure's lines in the plan's order. */
	public List<ScheduledMeasure> of(UUID planId) {
		return jdbc.sql("SELECT measure, timing, every FROM measure_schedule WHERE plan_id = ?")
			.param(planId)
			.query((rs, n) -> new ScheduledMeasure(rs.getString("measure"), Timing.valueOf(rs.getString("timing")),
					(Integer) rs.getObject("every", Integer.class)))
			.list()
			.stream()
			.sorted(Comparator.comparing(ScheduledMeasure::measure).thenComparing(ScheduledMeasure::timing))
			.toList();
	}

	/** The codes of the measures the plan takes at this visit, each once. */
	public Set<String> dueAt(UUID planId, UpcomingVisit visit) {
		Set<String> due = new LinkedHashSet<>();
		of(planId).stream().filter(line -> line.dueAt(visit)).forEach(line -> due.add(line.measure()));
		return due;
	}

}
