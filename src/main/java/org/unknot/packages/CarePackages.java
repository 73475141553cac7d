package org.unknot.packages;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.Money;
import org.unknot.system.NotFound;

/** The packages, read afresh each time, so an admin's change shows at once. */
@Repository
public class CarePackages {

	private final JdbcClient jdbc;

	CarePackages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every package, on sale or not, by name. */
	public List<CarePackage> all() {
		return load("");
	}

	/** What patients can buy now, by name. */
	public List<CarePackage> onSale() {
		return load("WHERE on_sale");
	}

	public Optional<CarePackage> find(String id) {
		return load("WHERE id = ?", id).stream().findFirst();
	}

	public CarePackage get(String field, String id) {
		return find(id).orElseThrow(() -> new NotFound(field, "package", id));
	}

	private List<CarePackage> load(String where, Object... params) {
		Map<String, Set<String>> services = jdbc.sql("SELECT package_id, service_id FROM care_package_service")
			.query((rs, n) -> Map.entry(rs.getString("package_id"), rs.getString("service_id")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
		return jdbc.sql("SELECT * FROM care_package " + where + " ORDER BY name")
			.params(params)
			.query((rs, n) -> new CarePackage(rs.getString("id"), rs.getString("name"),
					Money.of(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
					services.getOrDefault(rs.getString("id"), Set.of()), rs.getInt("credits"), rs.getInt("valid_days"),
					rs.getBoolean("on_sale")))
			.list();
	}

}
