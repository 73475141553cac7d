package org.unknot.care.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.Practitioners;

/**
 * Outcomes across patients for the owners: per clinic, per practitioner and per service,
 * the share of completed plans whose pain and whose activities (PSFS) improved by a
 * meaningful amount, the median number of visits before they did, and how many plans were
 * discontinued. Only counts and summaries, with what {@link OutcomeGroup} hides from
 * small groups hidden.
 */
@Service
public class Outcomes {

	/** The smallest group whose figures are shown. */
	public static final int SMALLEST = OutcomeGroup.SMALLEST;

	private final JdbcClient jdbc;

	private final Clinics clinics;

	private final CareServices services;

	private final Practitioners practitioners;

	Outcomes(JdbcClient jdbc, Clinics clinics, CareServices services, Practitioners practitioners) {
		this.jdbc = jdbc;
		this.clinics = clinics;
		this.services = services;
		this.practitioners = practitioners;
	}

	/** The three views of the same ended plans, each by name. */
	public record Report(List<OutcomeGroup> byClinic, List<OutcomeGroup> byPractitioner, List<OutcomeGroup> byService) {

		public boolean isEmpty() {
			return byClinic.isEmpty();
		}

	}

	public Report report() {
		Map<String, String> clinicNames = clinics.all().stream().collect(Collectors.toMap(Clinic::id, Clinic::name));
		Map<String, String> serviceNames = services.all()
			.stream()
			.collect(Collectors.toMap(CareService::id, CareService::name));
		Map<String, String> people = practitioners.displayNames();
		List<EndedPlan> ended = endedPlans();
		return new Report(
				groups(ended,
						plan -> plan.clinicId == null ? "No visit at a clinic"
								: clinicNames.getOrDefault(plan.clinicId, plan.clinicId)),
				groups(ended, plan -> people.getOrDefault(plan.practitionerId, plan.practitionerId)),
				groups(ended, plan -> serviceNames.getOrDefault(plan.serviceId, plan.serviceId)));
	}

	private static List<OutcomeGroup> groups(List<EndedPlan> ended, Function<EndedPlan, String> name) {
		Map<String, List<EndedPlan>> byName = ended.stream()
			.collect(Collectors.groupingBy(name, LinkedHashMap::new, Collectors.toList()));
		return byName.entrySet()
			.stream()
			.map(entry -> group(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(OutcomeGroup::name))
			.toList();
	}

	private static OutcomeGroup group(String name, List<EndedPlan> plans) {
		List<EndedPlan> completed = plans.stream().filter(plan -> plan.completed).toList();
		return new OutcomeGroup(name, completed.size(), reached(completed, plan -> plan.pain, BuiltInMeasures.PAIN_NRS),
				reached(completed, plan -> plan.function, BuiltInMeasures.FUNCTION),
				(int) plans.stream().filter(plan -> !plan.completed).count());
	}

	private static OutcomeGroup.Reached reached(List<EndedPlan> completed, Function<EndedPlan, List<Score>> scores,
			Measure measure) {
		List<Integer> visits = new ArrayList<>();
		int reached = 0;
		for (EndedPlan plan : completed) {
			List<Score> taken = scores.apply(plan);
			if (taken.size() < 2 || measure.judge(taken.get(0).value,
					taken.get(taken.size() - 1).value) != Judgement.MEANINGFUL_IMPROVEMENT) {
				continue;
			}
			reached++;
			taken.stream()
				.skip(1)
				.filter(score -> measure.judge(taken.get(0).value, score.value) == Judgement.MEANINGFUL_IMPROVEMENT)
				.findFirst()
				.ifPresent(first -> visits.add(first.visitsBefore));
		}
		return new OutcomeGroup.Reached(reached, visits);
	}

	/**
	 * Every completed or discontinued plan, placed at the clinic of its first visit, with
	 * the pain and activity scores of the completed ones, oldest first.
	 */
	private List<EndedPlan> endedPlans() {
		Map<UUID, EndedPlan> plans = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.id, p.status, p.practitioner_id, p.service_id,
				    (SELECT a.clinic_id FROM plan_visit pv JOIN appointment a ON a.id = pv.appointment_id
				     WHERE pv.plan_id = p.id ORDER BY a.start_at LIMIT 1) AS clinic_id
				FROM treatment_plan p WHERE p.status IN ('completed', 'discontinued')""").query(rs -> {
			plans.put(rs.getObject("id", UUID.class),
					new EndedPlan(rs.getString("clinic_id"), rs.getString("practitioner_id"),
							rs.getString("service_id"), "completed".equals(rs.getString("status"))));
		});
		// visits before a score: the plan's visits done that began no later than it was
		// given
		jdbc.sql("""
				SELECT r.plan_id, r.measure, r.score,
				    (SELECT count(*) FROM plan_visit pv JOIN appointment a ON a.id = pv.appointment_id
				     WHERE pv.plan_id = r.plan_id AND a.status = 'fulfilled' AND a.start_at <= r.answered_at) AS visits
				FROM measure_response r JOIN treatment_plan p ON p.id = r.plan_id
				WHERE p.status = 'completed' AND r.measure IN (?, ?)
				ORDER BY r.answered_at, r.id""").params(BuiltInMeasures.PAIN, BuiltInMeasures.PSFS).query(rs -> {
			EndedPlan plan = plans.get(rs.getObject("plan_id", UUID.class));
			Score score = new Score(rs.getDouble("score"), rs.getInt("visits"));
			(BuiltInMeasures.PAIN.equals(rs.getString("measure")) ? plan.pain : plan.function).add(score);
		});
		return List.copyOf(plans.values());
	}

	private record Score(double value, int visitsBefore) {
	}

	private static final class EndedPlan {

		final String clinicId;

		final String practitionerId;

		final String serviceId;

		final boolean completed;

		final List<Score> pain = new ArrayList<>();

		final List<Score> function = new ArrayList<>();

		EndedPlan(String clinicId, String practitionerId, String serviceId, boolean completed) {
			this.clinicId = clinicId;
			this.practitionerId = practitionerId;
			this.serviceId = serviceId;
			this.completed = completed;
		}

	}

}
