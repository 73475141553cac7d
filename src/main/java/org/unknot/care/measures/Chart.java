package org.unknot.care.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a series' marks fall on a small line chart (a 320 by 180 view box that scales to
 * any width): the line, its dots, the band of no meaningful change and the axis labels.
 * Dots stand at their time, so that three weeks between two scores look three times as
 * long as one week. Only numbers: the page template and the report's PDF draw them.
 */
public record Chart(String line, List<Dot> dots, double bandTop, double bandHeight, List<Tick> ticks, List<Tick> days) {

	static final double WIDTH = 320;

	static final double LEFT = 36;

	static final double RIGHT = 308;

	static final double TOP = 12;

	static final double BOTTOM = 148;

	/** A value at a point: where, and what it says. */
	public record Dot(double x, double y, String value, String day) {
	}

	/** An axis label and where it goes (y for values, x for days). */
	public record Tick(double at, String label) {
	}

	/** The chart of these points, oldest first. */
	static Chart of(Measure measure, List<Progress.Point> points, double bandLow, double bandHigh) {
		List<Dot> dots = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		Instant first = points.isEmpty() ? null : points.get(0).at();
		double span = points.isEmpty() ? 0 : Duration.between(first, points.get(points.size() - 1).at()).toSeconds();
		for (int n = 0; n < points.size(); n++) {
			Progress.Point point = points.get(n);
			double x = span <= 0 ? (LEFT + RIGHT) / 2
					: LEFT + (RIGHT - LEFT) * Duration.between(first, point.at()).toSeconds() / span;
			double y = y(measure, point.value());
			dots.add(new Dot(round(x), round(y), Progress.format(point.value()), point.dayLabel()));
			line.append(n == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
		}
		double top = y(measure, bandHigh);
		double bottom = y(measure, bandLow);
		double middle = (measure.min() + measure.max()) / 2;
		List<Tick> ticks = List.of(new Tick(y(measure, measure.max()), Progress.format(measure.max())),
				new Tick(y(measure, middle), Progress.format(middle)),
				new Tick(y(measure, measure.min()), Progress.format(measure.min())));
		List<Tick> days = dots.isEmpty() ? List.of()
				: span <= 0 ? List.of(new Tick(dots.get(0).x(), dots.get(0).day()))
						: List.of(new Tick(dots.get(0).x(), dots.get(0).day()),
								new Tick(dots.get(dots.size() - 1).x(), dots.get(dots.size() - 1).day()));
		return new Chart(line.toString(), dots, round(top), round(bottom - top), ticks, days);
	}

	private static double y(Measure measure, double value) {
		double clamped = Math.max(measure.min(), Math.min(measure.max(), value));
		return BOTTOM - (BOTTOM - TOP) * (clamped - measure.min()) / (measure.max() - measure.min());
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
