package org.unknot;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.packages.Holding;
import org.unknot.packages.PackageAdmin;
import org.unknot.system.Money;

/**
 * For tests: packages of visits defined under names of their own ($90 a credit), and a
 * holding made to run out on a chosen day, so that a test can give one patient packages
 * that end at different times.
 */
public final class PackageFixture {

	private final JdbcClient jdbc;

	private final PackageAdmin admin;

	public PackageFixture(JdbcClient jdbc, PackageAdmin admin) {
		this.jdbc = jdbc;
		this.admin = admin;
	}

	/** So many credits of the test massage, valid so many days from the sale. */
	public String massage(int credits, int validDays) {
		return define(credits + " x massage " + TestNetwork.shortId(), List.of(TestNetwork.MASSAGE), credits,
				validDays);
	}

	public String define(String name, List<String> services, int credits, int validDays) {
		return admin.define(new PackageAdmin.Terms(name, Money.usd(9000L * credits), services, credits, validDays));
	}

	/** The holding runs out at the start of that day, New York time. */
	public void endsOn(Holding holding, LocalDate day) {
		jdbc.sql("UPDATE package_holding SET valid_until = ? WHERE id = ?")
			.params(Timestamp.from(day.atStartOfDay(ZoneId.of(TestNetwork.ZONE)).toInstant()), holding.id())
			.update();
	}

}
