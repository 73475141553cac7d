package org.unknot.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

/**
 * Another writer on the same database: a thread that commits a one-row insert into a
 * scratch table every millisecond or so. Nothing it writes matters to availability, but
 * every commit ends a transaction, so no answer remembered before it can be reused after
 * it.
 */
final class Committer implements AutoCloseable {

	private DataSource dataSource;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger commits = new AtomicInteger();

	private final Thread thread;

	/** The table is made by the owner; the application's role commits into it. */
	Committer(DataSource dataSource, DataSource owner) {
		this.dataSource = owner;
		execute("CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, at timestamptz DEFAULT now())");
		this.dataSource = dataSource;
		thread = new Thread(this::run, "bench-committer");
		thread.setDaemon(true);
		thread.start();
	}

	int commits() {
		return commits.get();
	}

	private void run() {
		while (running.get()) {
			execute("INSERT INTO bench_commit DEFAULT VALUES");
			commits.incrementAndGet();
			LockSupport.parkNanos(1_000_000);
		}
	}

	@Override
	public void close() throws InterruptedException {
		running.set(false);
		thread.join();
	}

	private void execute(String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not run: " + sql, e);
		}
	}

}
