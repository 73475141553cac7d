package org.unknot.packages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.CareServices;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.Money;
import org.unknot.system.ReadableIds;

/**
 * Admins define packages and take them off sale. A package is never deleted: what was
 * sold keeps naming it. Changing a package changes what is sold from then on; holdings
 * keep the price they were sold at and the date their credits run out.
 */
@Service
public class PackageAdmin {

	static final int NAME_MAX = 100;

	static final int CREDITS_MAX = 100;

	static final int VALID_DAYS_MAX = 1830;

	static final long PRICE_MAX_MINOR = 10_000_000;

	private final JdbcClient jdbc;

	private final CarePackages packages;

	private final CareServices services;

	PackageAdmin(JdbcClient jdbc, CarePackages packages, CareServices services) {
		this.jdbc = jdbc;
		this.packages = packages;
		this.services = services;
	}

	/**
	 * What an admin sets; null where nothing readable was typed (the form has said so).
	 */
	public record Terms(String name, Money price, List<String> serviceIds, Integer credits, Integer validDays) {
	}

	/** Puts a new package on sale; answers its id, made from its name. */
	@Transactional
	public String define(Terms terms) {
		check(null, terms);
		String id = ReadableIds.freeFrom(terms.name(), "package", 60, taken -> packages.find(taken).isPresent());
		try {
			jdbc.sql("""
					INSERT INTO care_package (id, name, price_minor, currency, credits, valid_days, on_sale)
					VALUES (?, ?, ?, ?, ?, ?, true)""")
				.params(id, terms.name().strip(), terms.price().minorUnits(),
						terms.price().currency().getCurrencyCode(), terms.credits(), terms.validDays())
				.update();
		}
		catch (DuplicateKeyException race) {
			throw duplicate(terms.name());
		}
		writeServices(id, terms.serviceIds());
		return id;
	}

	@Transactional
	public void change(String id, Terms terms) {
		packages.get("package", id);
		check(id, terms);
		try {
			jdbc.sql("""
					UPDATE care_package SET name = ?, price_minor = ?, currency = ?, credits = ?, valid_days = ?
					WHERE id = ?""")
				.params(terms.name().strip(), terms.price().minorUnits(), terms.price().currency().getCurrencyCode(),
						terms.credits(), terms.validDays(), id)
				.update();
		}
		catch (DuplicateKeyException race) {
			throw duplicate(terms.name());
		}
		jdbc.sql("DELETE FROM care_package_service WHERE package_id = ?").param(id).update();
		writeServices(id, terms.serviceIds());
	}

	/** Nobody can buy it any more; credits already sold stay spendable. */
	@Transactional
	public void stopSelling(String id) {
		packages.get("package", id);
		jdbc.sql("UPDATE care_package SET on_sale = false WHERE id = ?").param(id).update();
	}

	@Transactional
	public void sellAgain(String id) {
		packages.get("package", id);
		jdbc.sql("UPDATE care_package SET on_sale = true WHERE id = ?").param(id).update();
	}

	private void writeServices(String id, List<String> serviceIds) {
		for (String service : new LinkedHashSet<>(serviceIds)) {
			jdbc.sql("INSERT INTO care_package_service (package_id, service_id) VALUES (?, ?)")
				.params(id, service)
				.update();
		}
	}

	private void check(String id, Terms terms) {
		List<FieldProblem> problems = new ArrayList<>();
		if (terms.name() == null || terms.name().isBlank()) {
			problems.add(new FieldProblem("name", "Enter the package's name as patients will read it."));
		}
		else if (terms.name().strip().length() > NAME_MAX) {
			problems.add(new FieldProblem("name", "Keep the name to " + NAME_MAX + " characters."));
		}
		else if (sameName(terms.name(), id)) {
			problems.add(new FieldProblem("name", "There is already a package called " + terms.name().strip() + "."));
		}
		if (terms.price() == null) {
			problems.add(new FieldProblem("price", "Enter the price in dollars, e.g. 540 or 540.00."));
		}
		else if (terms.price().isNegative() || terms.price().minorUnits() > PRICE_MAX_MINOR) {
			problems.add(new FieldProblem("price", "Enter a price between $0.00 and "
					+ Money.of(PRICE_MAX_MINOR, terms.price().currency()).inWords() + "."));
		}
		Set<String> known = services.byId().keySet();
		if (terms.serviceIds() == null || terms.serviceIds().isEmpty()) {
			problems.add(new FieldProblem("services", "Choose at least one service its credits pay for."));
		}
		else {
			terms.serviceIds()
				.stream()
				.filter(service -> !known.contains(service))
				.findFirst()
				.ifPresent(unknown -> problems
					.add(new FieldProblem("services", "There is no service '" + unknown + "'.")));
		}
		if (terms.credits() == null || terms.credits() < 1 || terms.credits() > CREDITS_MAX) {
			problems
				.add(new FieldProblem("credits", "Enter how many visits it pays for, from 1 to " + CREDITS_MAX + "."));
		}
		if (terms.validDays() == null || terms.validDays() < 1 || terms.validDays() > VALID_DAYS_MAX) {
			problems.add(new FieldProblem("validDays",
					"Enter for how many days after the sale its credits can be used, from 1 to " + VALID_DAYS_MAX
							+ "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The package cannot be saved as entered.", problems);
		}
	}

	private boolean sameName(String name, String exceptId) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return packages.all()
			.stream()
			.anyMatch(other -> !other.id().equals(exceptId) && other.name().toLowerCase(Locale.ROOT).equals(wanted));
	}

	private static InvalidRequest duplicate(String name) {
		return new InvalidRequest("name", "There is already a package called " + name.strip() + ".");
	}

}
