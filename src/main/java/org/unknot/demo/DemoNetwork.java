package org.unknot.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.account.AccountDesk;
import org.unknot.practitioner.PractitionerPhotos;

/**
 * Loads the demo network, all of it or nothing, in one transaction. Dates that must stay
 * in the future (licence expiries, a change of hours, time off) are relative to today by
 * the {@link Clock}, in New York.
 *
 * <p>
 * Two ways to decide whether to load: at start-up only into a database with no clinic at
 * all ({@link #loadIfEmpty()}), so that the demo never mixes with a real network; on
 * demand (tests, a staging database) beside whatever is there, unless the demo is already
 * present ({@link #loadUnlessPresent()}). Both take a transaction-scoped advisory lock
 * first, so that instances starting together load it once.
 */
@Component
public class DemoNetwork {

	/** The first demo clinic; its presence means the demo is loaded. */
	public static final String MONTCLAIR = DemoClinics.MONTCLAIR;

	private static final long LOCK = 0x756e6b6e6f74L; // "unknot"

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountDesk accounts;

	private final PractitionerPhotos photos;

	private final DemoPayments payments;

	DemoNetwork(JdbcClient jdbc, Clock clock, AccountDesk accounts, PractitionerPhotos photos, DemoPayments payments) {
		this.payments = payments;
		this.jdbc = jdbc;
		this.clock = clock;
		this.accounts = accounts;
		this.photos = photos;
	}

	/** Loads the demo if the database has no clinic. Returns whether it loaded. */
	@Transactional
	public boolean loadIfEmpty() {
		lock();
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM clinic)").query(Boolean.class).single()) {
			return false;
		}
		write();
		return true;
	}

	/**
	 * Loads the demo beside any other data unless it is already loaded. Returns whether
	 * it loaded.
	 */
	@Transactional
	public boolean loadUnlessPresent() {
		lock();
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM clinic WHERE id = ?)")
			.param(MONTCLAIR)
			.query(Boolean.class)
			.single()) {
			return false;
		}
		write();
		return true;
	}

	private void lock() {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(LOCK).query(Integer.class).single();
	}

	private void write() {
		LocalDate today = DemoClinics.today(clock);
		DemoCatalog.write(jdbc);
		payments.writePolicies();
		DemoClinics.write(jdbc);
		DemoPractitioners.write(jdbc, today);
		DemoBilling.writeIdentifiers(jdbc);
		DemoAvatars.write(photos);
		new DemoSchedules(today).write(jdbc);
		DemoAccounts.write(accounts);
	}

}
