package org.unknot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by the server's request threads (Tomcat's {@code http-nio-*}), by this whole JVM
 * (those, the load generator, the JIT compilers and the garbage collector) and by the PostgreSQL
 * server whose data lies in one directory (its postmaster and every backend). Unlike requests per
 * second, CPU time per request hardly depends on what else the machine runs. PostgreSQL's share is
 * read from /proc, so Linux only.
 */
final class CpuMeter {

	private static final double TICK_MILLIS = 10.0;

	private final String dataDir;

	CpuMeter(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().toString();
	}

	/**
	 * CPU milliseconds so far: {server request threads, load generator threads (which run the plain
	 * INSERTs themselves), whole JVM, postgres}.
	 */
	double[] now() {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return new double[] { threadNanos("http-nio-") / 1e6, threadNanos(LoadGenerator.THREAD_NAME) / 1e6,
				os.getProcessCpuTime() / 1e6, postgresTicks() * TICK_MILLIS };
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

	/** NaN when no PostgreSQL runs with that data directory (the tests' database makes its own). */
	private double postgresTicks() {
		long postmaster = postmaster();
		if (postmaster <= 0) {
			return Double.NaN;
		}
		long ticks = 0;
		for (String[] stat : stats()) {
			long pid = Long.parseLong(stat[0]);
			if (pid == postmaster || Long.parseLong(stat[3]) == postmaster) {
				ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
			}
		}
		return ticks;
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
