package org.unknot.care.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.unknot.catalog.CatalogProperties;
import org.unknot.patient.PatientId;

/**
 * Open plans to review because the patient is not responding: after
 * {@link ReviewProperties the set number} of visits done, or weeks since the plan
 * started, no measure the plan took shows a meaningful improvement from its first score.
 * Shown to the practitioner on their day and on the patient's record as "review: not
 * responding".
 */
@Service
public class NotResponding {

	/** How the flag reads wherever it is shown. */
	public static final String WORDS = "review: not responding";

	private final JdbcClient jdbc;

	private final Measures measures;

	private final ReviewProperties properties;

	private final CatalogProperties catalog;

	private final Clock clock;

	NotResponding(JdbcClient jdbc, Measures measures, ReviewProperties properties, CatalogProperties catalog,
			Clock clock) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.measures = measures;
		this.properties = properties;
		this.clock = clock;
	}

	/** Those of these patients with at least one open plan flagged. */
	public Set<UUID> among(Collection<UUID> patientIds) {
		if (patientIds.isEmpty()) {
			return Set.of();
		}
		Set<UUID> flagged = new LinkedHashSet<>();
		for (Plan plan : patientIds.stream().distinct().flatMap(id -> openPlans(id).stream()).toList()) {
			if (flagged(plan)) {
				flagged.add(plan.patientId);
			}
		}
		return flagged;
	}

	public boolean of(PatientId patientId) {
		return !among(List.of(patientId.value())).isEmpty();
	}

	private boolean flagged(Plan plan) {
		LocalDate today = LocalDate.now(clock.withZone(catalog.virtualZone()));
		boolean due = plan.done >= properties.afterVisits()
				|| (plan.done > 0 && ChronoUnit.WEEKS.between(plan.start, today) >= properties.afterWeeks());
		if (!due) {
			return false;
		}
		Map<String, List<Double>> scores = new HashMap<>();
		jdbc.sql("SELECT measure, score FROM measure_response WHERE plan_id = ? ORDER BY answered_at, id")
			.param(plan.id)
			.query(rs -> {
				scores.computeIfAbsent(rs.getString("measure"), code -> new ArrayList<>()).add(rs.getDouble("score"));
			});
		return scores.entrySet().stream().noneMatch(entry -> improved(entry.getKey(), entry.getValue()));
	}

	private boolean improved(String code, List<Double> scores) {
		return scores.size() >= 2 && measures.find(code)
			.filter(Measure::fromBaseline)
			.map(measure -> measure.judge(scores.get(0),
					scores.get(scores.size() - 1)) == Judgement.MEANINGFUL_IMPROVEMENT)
			.orElse(false);
	}

	private List<Plan> openPlans(UUID patientId) {
		return jdbc.sql("""
				SELECT p.id, p.patient_id, v.start_date,
				    (SELECT count(*) FROM plan_visit pv JOIN appointment a ON a.id = pv.appointment_id
				     WHERE pv.plan_id = p.id AND a.status = 'fulfilled') AS done
				FROM treatment_plan p
				JOIN treatment_plan_version v ON v.plan_id = p.id AND v.version = p.current_version
				WHERE p.status IN ('active', 'under-review') AND p.patient_id = ?""")
			.param(patientId)
			.query((rs, n) -> new Plan(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getObject("start_date", LocalDate.class), rs.getInt("done")))
			.list();
	}

	private record Plan(UUID id, UUID patientId, LocalDate start, int done) {
	}

}
