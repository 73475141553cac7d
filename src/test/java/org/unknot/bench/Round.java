package org.unknot.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one round of load: how many calls, how long, their latencies and
 * statuses.
 */
record Round(int calls, Duration elapsed, long[] sortedLatencies, Map<Integer, Integer> statuses, String firstFailure,
		double loadThreadsCpuMillis, double[] cpuMillis) {

	static Round of(List<LoadGenerator.Worker> workers, Duration elapsed) {
		long[] latencies = new long[workers.stream().mapToInt(w -> w.count).sum()];
		Map<Integer, Integer> statuses = new TreeMap<>();
		String failure = null;
		long cpuNanos = 0;
		int at = 0;
		for (LoadGenerator.Worker worker : workers) {
			System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
			at += worker.count;
			worker.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum));
			failure = failure == null ? worker.firstFailure : failure;
			cpuNanos += worker.cpuNanos;
		}
		Arrays.sort(latencies);
		return new Round(latencies.length, elapsed, latencies, statuses, failure, cpuNanos / 1e6, null);
	}

	/**
	 * This round with the CPU milliseconds spent during it, from {@link CpuMeter}
	 * readings before and after.
	 */
	Round withCpu(double[] before, double[] after) {
		double[] spent = new double[after.length];
		for (int i = 0; i < spent.length; i++) {
			spent[i] = after[i] - before[i];
		}
		spent[1] = loadThreadsCpuMillis;
		return new Round(calls, elapsed, sortedLatencies, statuses, firstFailure, loadThreadsCpuMillis, spent);
	}

	/**
	 * CPU microseconds per call answered with this status, in the order of
	 * {@link CpuMeter#now()}.
	 */
	double[] cpuMicrosPer(int status) {
		int n = count(status);
		double[] per = new double[cpuMillis.length];
		for (int i = 0; i < per.length; i++) {
			per[i] = 1000 * cpuMillis[i] / n;
		}
		return per;
	}

	double perSecond() {
		return calls / (elapsed.toNanos() / 1e9);
	}

	/** Calls answered with this status, per second. */
	double perSecond(int status) {
		return count(status) / (elapsed.toNanos() / 1e9);
	}

	int count(int status) {
		return statuses.getOrDefault(status, 0);
	}

	double percentileMillis(double percentile) {
		if (sortedLatencies.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100 * sortedLatencies.length) - 1;
		return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
	}

	/** Whether every call got this status. */
	boolean all(int status) {
		return count(status) == calls;
	}
}
