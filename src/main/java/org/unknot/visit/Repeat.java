package org.unknot.visit;

/**
 * A course of visits: {@code count} of them, every {@code everyWeeks} weeks at the local
 * time of the first; with {@code allOrNothing}, one clash books none.
 */
public record Repeat(int everyWeeks, int count, boolean allOrNothing) {

	public Repeat {
		if (everyWeeks != 1 && everyWeeks != 2) {
			throw new IllegalArgumentException("A series repeats every week or every two weeks");
		}
		if (count < 1) {
			throw new IllegalArgumentException("A series has at least one visit");
		}
	}

}
