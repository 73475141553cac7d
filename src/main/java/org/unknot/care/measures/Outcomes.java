package org.unknot.care.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;

/**
 * Outcomes across patients for the owners: per clinic and service, how many plans reached
 * a meaningful improvement in pain, the median change in pain and in the activities
 * score, and how patients rated their change. Only counts and summaries, and none for a
 * group of fewer than {@value #SMALLEST} plans, so no patient can be singled out.
 */
@Service
public class Outcomes {

	/** The smallest group whose figures are shown. */
	public static final int SMALLEST = 5;

	private final JdbcClient jdbc;

	private final Clinics clinics;

	private final CareServices services;

	Outcomes(JdbcClient jdbc, Clinics clinics, CareServices services) {
		this.jdbc = jdbc;
		this.clinics = clinics;
		this.services = services;
	}

	/**
	 * One clinic and service. {@code plans} counts plans with at least two pain scores;
	 * the other figures are null when the group is too small to show.
	 *
	 * @param pgic how many latest answers to the global impression of change fall on each
	 * of its seven points, "Much worse" first; a count under {@value #SMALLEST} is shown
	 * as fewer
	 */
	public record Group(String clinic, String service, int plans, Integer reachedMcid, Double medianPainChange,
			Integer psfsPlans, Double medianPsfsChange, List<Integer> pgic) {

		public boolean shown() {
			return plans >= SMALLEST;
		}

		/** "12", or "fewer than 5" */
		public String count(int value) {
			return value < SMALLEST ? "fewer than " + SMALLEST : String.valueOf(value);
		}

		/** "58%" of the plans that reached the MCID on pain */
		public String share() {
			return Math.round(100.0 * reachedMcid / plans) + "%";
		}

	}

	/** Every clinic and service with plans scored, by clinic then service. */
	public List<Group> byClinicAndService() {
		Map<String, String> clinicNames = new LinkedHashMap<>();
		clinics.all().forEach(clinic -> clinicNames.put(clinic.id(), clinic.name()));
		Map<String, String> serviceNames = new LinkedHashMap<>();
		services.all().forEach(service -> serviceNames.put(service.id(), service.name()));
		Map<UUID, PlanScores> byPlan = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.id, p.service_id,
				    (SELECT a.clinic_id FROM plan_visit pv JOIN appointment a ON a.id = pv.appointment_id
				     WHERE pv.plan_id = p.id ORDER BY a.start_at LIMIT 1) AS clinic_id,
				    r.measure, r.score
				FROM treatment_plan p JOIN measure_response r ON r.plan_id = p.id
				ORDER BY r.answered_at, r.id""").query(rs -> {
			String clinic = rs.getString("clinic_id");
			String service = rs.getString("service_id");
			byPlan
				.computeIfAbsent(rs.getObject("id", UUID.class),
						id -> new PlanScores(clinic == null ? "Video visits" : clinicNames.getOrDefault(clinic, clinic),
								serviceNames.getOrDefault(service, service)))
				.add(rs.getString("measure"), rs.getDouble("score"));
		});
		Map<String, List<PlanScores>> groups = new TreeMap<>();
		byPlan.values()
			.stream()
			.filter(plan -> plan.pain.size() >= 2)
			.forEach(plan -> groups.computeIfAbsent(plan.clinic + "\u0000" + plan.service, key -> new ArrayList<>())
				.add(plan));
		return groups.values().stream().map(Outcomes::group).toList();
	}

	private static Group group(List<PlanScores> plans) {
		PlanScores first = plans.get(0);
		if (plans.size() < SMALLEST) {
			return new Group(first.clinic, first.service, plans.size(), null, null, null, null, null);
		}
		int reached = (int) plans.stream()
			.filter(plan -> BuiltInMeasures.PAIN_NRS.judge(plan.pain.get(0),
					plan.pain.get(plan.pain.size() - 1)) == Judgement.MEANINGFUL_IMPROVEMENT)
			.count();
		double[] painChanges = plans.stream().mapToDouble(plan -> last(plan.pain) - plan.pain.get(0)).toArray();
		List<PlanScores> withPsfs = plans.stream().filter(plan -> plan.psfs.size() >= 2).toList();
		double[] psfsChanges = withPsfs.stream().mapToDouble(plan -> last(plan.psfs) - plan.psfs.get(0)).toArray();
		Integer[] pgic = new Integer[7];
		Arrays.fill(pgic, 0);
		plans.stream().filter(plan -> !plan.pgic.isEmpty()).forEach(plan -> pgic[(int) last(plan.pgic) - 1]++);
		return new Group(first.clinic, first.service, plans.size(), reached, median(painChanges), withPsfs.size(),
				withPsfs.size() < SMALLEST ? null : median(psfsChanges), List.of(pgic));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double last(List<Double> scores) {
		return scores.get(scores.size() - 1);
	}

	/** One plan's scores, oldest first. */
	private static final class PlanScores {

		final String clinic;

		final String service;

		final List<Double> pain = new ArrayList<>();

		final List<Double> psfs = new ArrayList<>();

		final List<Double> pgic = new ArrayList<>();

		PlanScores(String clinic, String service) {
			this.clinic = clinic;
			this.service = service;
		}

		void add(String measure, double score) {
			switch (measure) {
				case BuiltInMeasures.PAIN -> pain.add(score);
				case BuiltInMeasures.PSFS -> psfs.add(score);
				case BuiltInMeasures.PGIC -> pgic.add(score);
				default -> {
				}
			}
		}

	}

}
