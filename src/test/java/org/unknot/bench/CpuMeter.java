package org.unknot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent by the server's request threads (Tomcat's {@code http-nio-*}), by this
 * whole JVM (those, the load generator, the JIT compilers and the garbage collector) and
 * by the PostgreSQL server whose data lies in one directory (its postmaster and every
 * backend). Unlike requests per second, CPU time per request hardly depends on what else
 * the machine runs. PostgreSQL's share is read from /proc, so Linux only.
 */
final class CpuMeter {

	private static final double TICK_MILLIS = 10.0;

	private final String dataDir;

	CpuMeter(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().toString();
	}

	/**
	 * CPU milliseconds so far: {server request threads, load generator threads (0 here:
	 * they end with their round, so {@link Round} adds what they report themselves),
	 * whole JVM, postgres}.
	 */
	double[] now() {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return new double[] { threadNanos("http-nio-") / 1e6, 0, os.getProcessCpuTime() / 1e6,
				postgresTicks() * TICK_MILLIS };
	}

	private static long threadNanos(String namePrefix) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long nanos = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith(namePrefix)) {
				nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return nanos;
	}

	/**
	 * NaN when no PostgreSQL runs with that data directory (the tests' database makes its
	 * own). Counts the postmaster, every live child and, through the postmaster's
	 * children times, the children that have exited (autovacuum workers, closed
	 * connections).
	 */
	private double postgresTicks() {
		Map<String, Long> ticks = postgresTicksByProcess();
		return ticks.containsKey("none") ? Double.NaN : ticks.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * PostgreSQL's CPU milliseconds so far by kind of process: backends (the
	 * connections), the WAL writer, checkpointer, background writer, autovacuum, and
	 * exited children. Empty without PostgreSQL.
	 */
	Map<String, Double> postgresByProcess() {
		Map<String, Double> millis = new TreeMap<>();
		postgresTicksByProcess().forEach((kind, ticks) -> millis.put(kind, ticks * TICK_MILLIS));
		return millis;
	}

	private Map<String, Long> postgresTicksByProcess() {
		Map<String, Long> ticks = new TreeMap<>();
		long postmaster = postmaster();
		if (postmaster <= 0) {
			ticks.put("none", 0L);
			return ticks;
		}
		for (String[] stat : stats()) {
			long pid = Long.parseLong(stat[0]);
			long own = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
			if (pid == postmaster) {
				ticks.merge("postmaster", own, Long::sum);
				ticks.merge("exited children", Long.parseLong(stat[15]) + Long.parseLong(stat[16]), Long::sum);
			}
			else if (Long.parseLong(stat[3]) == postmaster) {
				ticks.merge(kind(read(Path.of("/proc", stat[0], "cmdline")).replace('\0', ' ')), own, Long::sum);
			}
		}
		return ticks;
	}

	/**
	 * This JVM's CPU milliseconds so far by kind of thread, from /proc/self/task (so the
	 * garbage collector and JIT compiler threads are included): request threads, HTTP
	 * client, scheduled jobs, GC, compiler and the rest, grouped by name with numbers
	 * left out. Threads that have ended are missing.
	 */
	static Map<String, Double> jvmByThread() {
		Map<String, Double> millis = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				String stat = read(task.resolve("stat"));
				int open = stat.indexOf('(');
				int close = stat.lastIndexOf(')');
				if (open < 0 || close < 0) {
					continue;
				}
				String[] fields = stat.substring(close + 2).split(" ");
				double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
				millis.merge(threadKind(stat.substring(open + 1, close)), cpu, Double::sum);
			}
		}
		catch (IOException e) {
			return millis;
		}
		return millis;
	}

	private static String threadKind(String name) {
		for (String[] kind : THREAD_KINDS) {
			if (name.startsWith(kind[0])) {
				return kind[1];
			}
		}
		return name.replaceAll("[#-]?\\d+", "").replaceAll("[-#]+$", "").strip();
	}

	/**
	 * Thread name prefixes (as /proc shows them: 15 characters at most) and what they
	 * are.
	 */
	private static final String[][] THREAD_KINDS = { { "http-nio", "request threads" },
			{ "C1 CompilerThre", "JIT compilers" }, { "C2 CompilerThre", "JIT compilers" },
			{ "GC Thread", "garbage collector" }, { "G1 ", "garbage collector" }, { "HttpClient", "HTTP client" },
			{ "bench-load", "load threads" }, { "scheduling", "scheduled jobs (outbox, holds)" } };

	/** "postgres: walwriter" and the like; every connection is a backend. */
	private static String kind(String title) {
		for (String kind : List.of("walwriter", "checkpointer", "background writer", "autovacuum", "walsender",
				"logical replication")) {
			if (title.contains(kind)) {
				return kind;
			}
		}
		return "backends";
	}

	private long postmaster() {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String command = read(process.resolve("cmdline")).replace('\0', ' ');
				if (command.contains("postgres") && command.contains(dataDir)) {
					return Long.parseLong(process.getFileName().toString());
				}
			}
		}
		catch (IOException e) {
			return -1;
		}
		return -1;
	}

	/** Fields of /proc/PID/stat, the command name (which may hold spaces) left out. */
	private static List<String[]> stats() {
		List<String[]> stats = new ArrayList<>();
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String stat = read(process.resolve("stat"));
				int close = stat.lastIndexOf(')');
				if (close > 0) {
					String pid = stat.substring(0, stat.indexOf(' '));
					String[] rest = stat.substring(close + 2).split(" ");
					String[] fields = new String[rest.length + 2];
					fields[0] = pid;
					fields[1] = "";
					System.arraycopy(rest, 0, fields, 2, rest.length);
					stats.add(fields);
				}
			}
		}
		catch (IOException e) {
			return stats;
		}
		return stats;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException | RuntimeException e) {
			return "";
		}
	}

}
