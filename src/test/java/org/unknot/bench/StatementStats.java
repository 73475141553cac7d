package org.unknot.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL did for one kind of request, from pg_stat_statements (planning tracked,
 * statements inside triggers and functions included, BEGIN and COMMIT counted as
 * statements): statements per request, each statement's planning and execution time (wall
 * time: it includes waiting for the CPU and for locks), and PostgreSQL's CPU by kind of
 * process. Only with {@code -Dbench.diagnose=on}, which loads the extension into the
 * embedded server: it costs some CPU itself, so the rates of a diagnosing run are not the
 * figures to quote.
 */
final class StatementStats {

	/**
	 * Server settings that make PostgreSQL record what the report needs; with a
	 * directory, auto_explain also logs the plan (with timings and buffers) of one
	 * statement in a thousand there.
	 */
	static List<String> serverSettings(String explainDirectory) {
		List<String> settings = new ArrayList<>(List.of("--unknot.db.server-settings.[pg_stat_statements.track]=all",
				"--unknot.db.server-settings.[pg_stat_statements.track_planning]=on"));
		if (explainDirectory == null) {
			settings.add("--unknot.db.server-settings.shared_preload_libraries=pg_stat_statements");
			return settings;
		}
		settings.addAll(List.of("--unknot.db.server-settings.shared_preload_libraries=pg_stat_statements,auto_explain",
				"--unknot.db.server-settings.[auto_explain.log_min_duration]=0",
				"--unknot.db.server-settings.[auto_explain.sample_rate]=0.001",
				"--unknot.db.server-settings.[auto_explain.log_analyze]=on",
				"--unknot.db.server-settings.[auto_explain.log_buffers]=on",
				"--unknot.db.server-settings.[auto_explain.log_nested_statements]=on",
				"--unknot.db.server-settings.[auto_explain.log_triggers]=on",
				"--unknot.db.server-settings.logging_collector=on",
				"--unknot.db.server-settings.log_directory=" + Path.of(explainDirectory).toAbsolutePath()));
		return settings;
	}

	private final JdbcClient jdbc;

	private final Map<String, Totals> byKind = new LinkedHashMap<>();

	StatementStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
	}

	/** Forgets what was counted so far: call right before a measured round. */
	void reset() {
		jdbc.sql("SELECT pg_stat_statements_reset()").query((rs, n) -> 0).list();
	}

	/**
	 * Adds what was counted since {@link #reset()} to this kind of request, which was
	 * answered {@code calls} times.
	 */
	void add(String kind, int calls, Map<String, Double> postgresBefore, Map<String, Double> postgresAfter,
			Map<String, Double> jvmBefore, Map<String, Double> jvmAfter) {
		Totals totals = byKind.computeIfAbsent(kind, k -> new Totals());
		totals.requests += calls;
		postgresAfter.forEach((process, millis) -> totals.postgresMillis.merge(process,
				millis - postgresBefore.getOrDefault(process, 0.0), Double::sum));
		jvmAfter.forEach((thread, millis) -> totals.jvmMillis.merge(thread,
				millis - jvmBefore.getOrDefault(thread, 0.0), Double::sum));
		jdbc.sql("""
				SELECT query, calls, plans, total_plan_time, total_exec_time, rows, shared_blks_hit + shared_blks_read
				FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
				""").query(rs -> {
			Statement statement = totals.statements.computeIfAbsent(rs.getString(1).replaceAll("\\s+", " "),
					Statement::new);
			statement.calls += rs.getLong(2);
			statement.plans += rs.getLong(3);
			statement.planMillis += rs.getDouble(4);
			statement.execMillis += rs.getDouble(5);
			statement.rows += rs.getLong(6);
			statement.blocks += rs.getLong(7);
		});
	}

	/**
	 * Per kind: transactions and statements per request, then the statements that cost
	 * most.
	 */
	List<String> report() {
		List<String> lines = new ArrayList<>();
		byKind.forEach((kind, totals) -> {
			double n = totals.requests;
			List<Statement> statements = new ArrayList<>(totals.statements.values());
			// every statement a request runs, the advisory locks included; only this
			// benchmark's own look-ups at pg_stat_statements are left out
			statements.removeIf(s -> s.query.contains("pg_stat_"));
			statements.sort((a, b) -> Double.compare(b.planMillis + b.execMillis, a.planMillis + a.execMillis));
			double planned = statements.stream().mapToDouble(s -> s.planMillis).sum();
			double executed = statements.stream().mapToDouble(s -> s.execMillis).sum();
			lines.add(String.format("%s: %d requests; per request %.1f statements, planning %.0f us, executing %.0f us",
					kind, totals.requests, statements.stream().mapToLong(s -> s.calls).sum() / n, 1000 * planned / n,
					1000 * executed / n));
			StringBuilder processes = new StringBuilder("    PostgreSQL CPU per request by process:");
			totals.postgresMillis.forEach(
					(process, millis) -> processes.append(String.format(" %s %.0f us;", process, 1000 * millis / n)));
			lines.add(processes.toString());
			StringBuilder threads = new StringBuilder("    JVM CPU per request by thread (live ones):");
			totals.jvmMillis.entrySet()
				.stream()
				.filter(e -> 1000 * e.getValue() / n >= 1)
				.sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
				.forEach(e -> threads.append(String.format(" %s %.0f us;", e.getKey(), 1000 * e.getValue() / n)));
			lines.add(threads.toString());
			for (Statement s : statements.stream().filter(s -> s.calls / n >= 0.02).toList()) {
				lines.add(String.format(
						"    %5.2f/req  plan %6.1f us (%.0f%% planned)  exec %6.1f us  rows %5.1f  blocks %6.1f  %s",
						s.calls / n, s.plans == 0 ? 0 : 1000 * s.planMillis / s.plans,
						s.calls == 0 ? 0 : 100.0 * s.plans / s.calls, 1000 * s.execMillis / s.calls,
						(double) s.rows / s.calls, (double) s.blocks / s.calls, abbreviated(s.query)));
			}
		});
		return lines;
	}

	private static String abbreviated(String query) {
		return query.length() <= 150 ? query : query.substring(0, 147) + "...";
	}

	private static final class Totals {

		int requests;

		final Map<String, Double> postgresMillis = new java.util.TreeMap<>();

		final Map<String, Double> jvmMillis = new java.util.TreeMap<>();

		final Map<String, Statement> statements = new LinkedHashMap<>();

	}

	private static final class Statement {

		final String query;

		long calls;

		long plans;

		double planMillis;

		double execMillis;

		long rows;

		long blocks;

		Statement(String query) {
			this.query = query;
		}

	}

}
