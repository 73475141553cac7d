package org.unknot.insurance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.catalog.ServiceCategory;
import org.unknot.system.NotFound;

/**
 * The plans, with their coverage rules, read afresh on every call: a change an admin
 * makes is what the next patient sees.
 */
@Repository
public class InsurancePlans {

	private final JdbcClient jdbc;

	InsurancePlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Accepted plans, by name. */
	public List<InsurancePlan> accepted() {
		return load("WHERE accepted");
	}

	/** An accepted plan: one patients may choose now. */
	public Optional<InsurancePlan> find(String id) {
		return load("WHERE accepted AND id = ?", id).stream().findFirst();
	}

	/** Every plan, accepted or not, by name. */
	public List<InsurancePlan> all() {
		return load("");
	}

	/**
	 * A plan whether or not it is still accepted, e.g. to name the plan a visit was
	 * booked under.
	 */
	public Optional<InsurancePlan> any(String id) {
		return load("WHERE id = ?", id).stream().findFirst();
	}

	public InsurancePlan get(String field, String id) {
		return any(id).orElseThrow(() -> new NotFound(field, "insurance plan", id));
	}

	private List<InsurancePlan> load(String where, Object... params) {
		Map<String, List<InsurancePlan.Rule>> rules = jdbc.sql("SELECT * FROM insurance_coverage ORDER BY plan_id, id")
			.query((rs, n) -> Map.entry(rs.getString("plan_id"),
					new InsurancePlan.Rule(category(rs.getString("category")), rs.getString("service_id"),
							rs.getBoolean("covered"), rs.getString("reason"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("SELECT * FROM insurance_plan " + where + " ORDER BY name")
			.params(params)
			.query((rs, n) -> new InsurancePlan(rs.getString("id"), rs.getString("name"),
					PayerKind.valueOf(rs.getString("payer_kind")), rs.getString("member_id_label"),
					Pattern.compile(rs.getString("member_id_pattern")),
					rules.getOrDefault(rs.getString("id"), List.of()), rs.getBoolean("accepted")))
			.list();
	}

	private static ServiceCategory category(String value) {
		return value == null ? null : ServiceCategory.valueOf(value);
	}

}
