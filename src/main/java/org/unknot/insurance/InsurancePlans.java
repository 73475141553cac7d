package org.unknot.insurance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.catalog.ServiceCategory;

/** The plans the network accepts, with their coverage rules. */
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

	public Optional<InsurancePlan> find(String id) {
		return load("WHERE accepted AND id = ?", id).stream().findFirst();
	}

	private List<InsurancePlan> load(String where, Object... params) {
		Map<String, List<InsurancePlan.Rule>> rules = jdbc
			.sql("SELECT * FROM insurance_coverage ORDER BY plan_id, id")
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
					rules.getOrDefault(rs.getString("id"), List.of())))
			.list();
	}

	private static ServiceCategory category(String value) {
		return value == null ? null : ServiceCategory.valueOf(value);
	}
}
