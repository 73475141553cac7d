package org.unknot.admin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.unknot.catalog.CareService;
import org.unknot.catalog.ServiceCategory;
import org.unknot.insurance.InsurancePlan;
import org.unknot.system.web.PageForm;

/**
 * What an insurance plan pays for, as typed: a row per kind of care
 * ({@code category-MASSAGE}) and per service ({@code service-<id>}), each a choice
 * ({@code yes}, {@code no}, or empty for no rule of its own) and a reason patients read
 * ({@code <row>-reason}). The rows are named by the catalog, not by record components, so
 * the form is read from the request by the names of the rows the page offers (anything
 * else sent is ignored) rather than bound by {@code @ModelAttribute}.
 */
record CoverageForm(Map<String, String> typed) implements PageForm {

	static final String COVERED = "yes";

	static final String NOT_COVERED = "no";

	private static final String REASON = "-reason";

	CoverageForm {
		typed = new LinkedHashMap<>(typed);
	}

	/** The rows of these kinds of care and services, as the request sent them. */
	static CoverageForm read(HttpServletRequest request, List<CareService> services) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (String row : rows(services)) {
			for (String field : List.of(row, row + REASON)) {
				String value = request.getParameter(field);
				if (value != null) {
					typed.put(field, value);
				}
			}
		}
		return new CoverageForm(typed);
	}

	/** The plan's rules as the form shows them. */
	static CoverageForm of(InsurancePlan plan) {
		Map<String, String> typed = new LinkedHashMap<>();
		for (InsurancePlan.Rule rule : plan.rules()) {
			String row = rule.category() != null ? categoryRow(rule.category()) : serviceRow(rule.serviceId());
			typed.put(row, rule.covered() ? COVERED : NOT_COVERED);
			typed.put(row + REASON, rule.reason());
		}
		return new CoverageForm(typed);
	}

	static CoverageForm empty() {
		return new CoverageForm(Map.of());
	}

	static String categoryRow(ServiceCategory category) {
		return "category-" + category.name();
	}

	static String serviceRow(String serviceId) {
		return "service-" + serviceId;
	}

	/** A row's choice as typed: "yes", "no" or "". */
	String choice(String row) {
		return typed.getOrDefault(row, "");
	}

	String reason(String row) {
		return typed.getOrDefault(row + REASON, "");
	}

	/**
	 * The rules asked for: a row set to covered or not covered; rows left unset have
	 * none.
	 */
	List<InsurancePlan.Rule> rules(List<CareService> services) {
		List<InsurancePlan.Rule> rules = new ArrayList<>();
		for (ServiceCategory category : ServiceCategory.values()) {
			rule(categoryRow(category), category, null).ifPresent(rules::add);
		}
		for (CareService service : services) {
			rule(serviceRow(service.id()), null, service.id()).ifPresent(rules::add);
		}
		return rules;
	}

	private Optional<InsurancePlan.Rule> rule(String row, ServiceCategory category, String serviceId) {
		String choice = choice(row);
		if (!COVERED.equals(choice) && !NOT_COVERED.equals(choice)) {
			return Optional.empty();
		}
		return Optional.of(new InsurancePlan.Rule(category, serviceId, COVERED.equals(choice), reason(row)));
	}

	private static List<String> rows(List<CareService> services) {
		List<String> rows = new ArrayList<>();
		for (ServiceCategory category : ServiceCategory.values()) {
			rows.add(categoryRow(category));
		}
		services.forEach(service -> rows.add(serviceRow(service.id())));
		return rows;
	}

}
