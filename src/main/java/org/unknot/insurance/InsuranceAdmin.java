package org.unknot.insurance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.CareServices;
import org.unknot.system.InvalidRequest;
import org.unknot.system.ReadableIds;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Admins keep the plans: add one, change its name, kind and member id rules, stop or
 * resume accepting it, and say which services and kinds of care it pays for. A plan is
 * never deleted: visits booked under it keep naming it. The booking flow reads plans
 * afresh, so every change shows at once.
 */
@Service
public class InsuranceAdmin {

	static final int NAME_MAX = 120;
	static final int LABEL_MAX = 60;
	static final int REASON_MAX = 300;

	private final JdbcClient jdbc;

	private final InsurancePlans plans;

	private final CareServices services;

	InsuranceAdmin(JdbcClient jdbc, InsurancePlans plans, CareServices services) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.services = services;
	}

	/**
	 * What an admin sets for a plan; the member id pattern is checked against the number
	 * as read.
	 */
	public record PlanTerms(String name, PayerKind payerKind, String memberIdLabel, String memberIdPattern) {
	}

	/** Adds an accepted plan with no coverage yet; answers its id, made from its name. */
	@Transactional
	public String add(PlanTerms terms) {
		check(null, terms);
		String id = freeId(terms.name());
		try {
			jdbc.sql("""
					INSERT INTO insurance_plan (id, name, payer_kind, member_id_label, member_id_pattern, accepted)
					VALUES (?, ?, ?, ?, ?, true)""")
				.params(id, terms.name().strip(), terms.payerKind().name(), terms.memberIdLabel().strip(),
						terms.memberIdPattern().strip())
				.update();
		}
		catch (DuplicateKeyException race) {
			throw duplicateName(terms.name());
		}
		return id;
	}

	@Transactional
	public void update(String id, PlanTerms terms) {
		plans.get("plan", id);
		check(id, terms);
		try {
			jdbc.sql("""
					UPDATE insurance_plan SET name = ?, payer_kind = ?, member_id_label = ?, member_id_pattern = ?
					WHERE id = ?""")
				.params(terms.name().strip(), terms.payerKind().name(), terms.memberIdLabel().strip(),
						terms.memberIdPattern().strip(), id)
				.update();
		}
		catch (DuplicateKeyException race) {
			throw duplicateName(terms.name());
		}
	}

	/** Patients can no longer choose the plan; visits already booked under it keep it. */
	@Transactional
	public void stopAccepting(String id) {
		plans.get("plan", id);
		jdbc.sql("UPDATE insurance_plan SET accepted = false WHERE id = ?").param(id).update();
	}

	@Transactional
	public void acceptAgain(String id) {
		plans.get("plan", id);
		jdbc.sql("UPDATE insurance_plan SET accepted = true WHERE id = ?").param(id).update();
	}

	/**
	 * Replaces what the plan pays for. Each rule names a service or a kind of care, says
	 * whether it is covered and why, in words a patient reads when choosing the plan.
	 */
	@Transactional
	public void setCoverage(String id, List<InsurancePlan.Rule> rules) {
		plans.get("plan", id);
		Set<String> known = services.byId().keySet();
		Set<String> seen = new HashSet<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (InsurancePlan.Rule rule : rules) {
			String field = rule.category() != null ? "category-" + rule.category().name()
					: "service-" + rule.serviceId();
			if (rule.serviceId() != null && !known.contains(rule.serviceId())) {
				problems.add(new FieldProblem(field, "There is no service '" + rule.serviceId() + "'."));
			}
			else if (!seen.add(field)) {
				problems.add(new FieldProblem(field, "Give one rule for each service and kind of care."));
			}
			if (rule.reason() == null || rule.reason().isBlank()) {
				problems.add(new FieldProblem(field + "-reason",
						"Say why, in words a patient understands: they read it when choosing this plan."));
			}
			else if (rule.reason().strip().length() > REASON_MAX) {
				problems.add(new FieldProblem(field + "-reason", "Keep the reason to " + REASON_MAX + " characters."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The coverage cannot be saved as entered.", problems);
		}
		jdbc.sql("DELETE FROM insurance_coverage WHERE plan_id = ?").param(id).update();
		for (InsurancePlan.Rule rule : rules) {
			jdbc.sql(
					"INSERT INTO insurance_coverage (plan_id, category, service_id, covered, reason) VALUES (?, ?, ?, ?, ?)")
				.params(id, rule.category() == null ? null : rule.category().name(), rule.serviceId(), rule.covered(),
						rule.reason().strip())
				.update();
		}
	}

	private void check(String id, PlanTerms terms) {
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(terms.name())) {
			problems.add(new FieldProblem("name", "Enter the plan's name as patients know it."));
		}
		else if (terms.name().strip().length() > NAME_MAX) {
			problems.add(new FieldProblem("name", "Keep the name to " + NAME_MAX + " characters."));
		}
		else {
			sameName(terms.name(), id).ifPresent(other -> problems
				.add(new FieldProblem("name", "There is already a plan called " + other.name() + (other.accepted() ? "."
						: " (no longer accepted: accept it again instead of adding it twice)."))));
		}
		if (terms.payerKind() == null) {
			problems.add(new FieldProblem("payerKind", "Choose who pays under this plan."));
		}
		if (blank(terms.memberIdLabel())) {
			problems.add(new FieldProblem("memberIdLabel", "Enter what the card calls the number, e.g. Member ID."));
		}
		else if (terms.memberIdLabel().strip().length() > LABEL_MAX) {
			problems.add(new FieldProblem("memberIdLabel", "Keep the label to " + LABEL_MAX + " characters."));
		}
		MemberIdPatterns.problemWith(terms.memberIdPattern() == null ? null : terms.memberIdPattern().strip())
			.ifPresent(problem -> problems.add(new FieldProblem("memberIdPattern", problem)));
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The plan cannot be saved as entered.", problems);
		}
	}

	private Optional<InsurancePlan> sameName(String name, String exceptId) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return plans.all()
			.stream()
			.filter(plan -> !plan.id().equals(exceptId))
			.filter(plan -> plan.name().toLowerCase(Locale.ROOT).equals(wanted))
			.findFirst();
	}

	private String freeId(String name) {
		return ReadableIds.freeFrom(name, "plan", Integer.MAX_VALUE, id -> plans.any(id).isPresent());
	}

	private static InvalidRequest duplicateName(String name) {
		return new InvalidRequest("name", "There is already a plan called " + name.strip() + ".");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
