package org.unknot.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * What a treatment plan promises: measurable goals, the techniques, how often (every week
 * or every two weeks), how many visits, when it starts and when it is reviewed.
 */
public record PlanTerms(List<Goal> goals, Set<Technique> techniques, int everyWeeks, int visits, LocalDate startDate,
		LocalDate reviewDate) {

	public static final int MAX_VISITS = 52;

	public static final int MAX_GOALS = 5;

	public PlanTerms {
		List<FieldProblem> problems = problems(goals, techniques, everyWeeks, visits, startDate, reviewDate);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The plan cannot be saved as entered.", problems);
		}
		goals = List.copyOf(goals);
		techniques = Set.copyOf(techniques);
	}

	public Set<Technique> techniquesInOrder() {
		return EnumSet.copyOf(techniques);
	}

	/** "weekly" or "every two weeks" */
	public String frequency() {
		return everyWeeks == 1 ? "weekly" : "every two weeks";
	}

	static List<FieldProblem> problems(List<Goal> goals, Set<Technique> techniques, int everyWeeks, int visits,
			LocalDate startDate, LocalDate reviewDate) {
		List<FieldProblem> problems = new ArrayList<>();
		if (goals == null || goals.isEmpty()) {
			problems.add(new FieldProblem("goal1", "Give at least one goal with a target that can be measured."));
		}
		else if (goals.size() > MAX_GOALS) {
			problems.add(new FieldProblem("goal1", "A plan has at most " + MAX_GOALS + " goals."));
		}
		if (techniques == null || techniques.isEmpty()) {
			problems.add(new FieldProblem("techniques", "Choose at least one technique."));
		}
		if (everyWeeks != 1 && everyWeeks != 2) {
			problems.add(new FieldProblem("frequency", "Choose weekly or every two weeks."));
		}
		if (visits < 1 || visits > MAX_VISITS) {
			problems.add(new FieldProblem("visits", "A plan has 1 to " + MAX_VISITS + " visits."));
		}
		if (startDate == null) {
			problems.add(new FieldProblem("startDate", "Enter the date the plan starts."));
		}
		if (reviewDate == null) {
			problems.add(new FieldProblem("reviewDate", "Enter the date the plan is reviewed."));
		}
		else if (startDate != null && !reviewDate.isAfter(startDate)) {
			problems.add(new FieldProblem("reviewDate", "The review comes after the start."));
		}
		return problems;
	}

}
