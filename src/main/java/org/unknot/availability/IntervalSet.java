package org.unknot.availability;

import java.util.Arrays;

/**
 * Half-open intervals [start, end) of epoch seconds, sorted and merged once, so that an
 * overlap test is one binary search.
 */
final class IntervalSet {

	static final IntervalSet EMPTY = new IntervalSet(new long[0], new long[0]);

	private final long[] starts;

	private final long[] ends;

	private IntervalSet(long[] starts, long[] ends) {
		this.starts = starts;
		this.ends = ends;
	}

	/** Builds from pairs laid out as {start0, end0, start1, end1, ...}, in any order. */
	static IntervalSet of(long[] pairs, int count) {
		if (count == 0) {
			return EMPTY;
		}
		long[][] sorted = new long[count][];
		for (int i = 0; i < count; i++) {
			sorted[i] = new long[] { pairs[2 * i], pairs[2 * i + 1] };
		}
		Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
		long[] starts = new long[count];
		long[] ends = new long[count];
		int n = 0;
		for (long[] interval : sorted) {
			if (interval[1] <= interval[0]) {
				continue;
			}
			if (n > 0 && interval[0] <= ends[n - 1]) {
				ends[n - 1] = Math.max(ends[n - 1], interval[1]);
			}
			else {
				starts[n] = interval[0];
				ends[n] = interval[1];
				n++;
			}
		}
		return new IntervalSet(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
	}

	/** Whether [from, to) shares any instant with an interval of this set. */
	boolean overlaps(long from, long to) {
		int i = lastStartingBefore(to);
		return i >= 0 && ends[i] > from;
	}

	/** Whether [from, to) lies wholly inside one interval of this set. */
	boolean contains(long from, long to) {
		int i = lastStartingBefore(from + 1);
		return i >= 0 && ends[i] >= to;
	}

	int size() {
		return starts.length;
	}

	/** The intervals as {start0, end0, start1, end1, ...}. */
	long[] toPairs() {
		long[] pairs = new long[starts.length * 2];
		for (int i = 0; i < starts.length; i++) {
			pairs[2 * i] = starts[i];
			pairs[2 * i + 1] = ends[i];
		}
		return pairs;
	}

	private int lastStartingBefore(long bound) {
		int low = 0;
		int high = starts.length - 1;
		int found = -1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			if (starts[mid] < bound) {
				found = mid;
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return found;
	}

	/** Collects intervals before building a set. */
	static final class Builder {

		private long[] pairs = new long[16];

		private int count;

		Builder add(long start, long end) {
			if (2 * count + 2 > pairs.length) {
				pairs = Arrays.copyOf(pairs, pairs.length * 2);
			}
			pairs[2 * count] = start;
			pairs[2 * count + 1] = end;
			count++;
			return this;
		}

		IntervalSet build() {
			return IntervalSet.of(pairs, count);
		}

	}

}
