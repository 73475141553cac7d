package org.unknot.care.measures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a series' marks fall on a small line chart (a 332 by 180 view box that scales to
 * any width): the line, its dots, the band of no meaningful change and the axis labels.
 * Dots stand at their time, so that three weeks between two scores look three times as
 * long as one week, and the time axis names its days in words ("Oct 28") by the week or
 * by the month, as the period allows without labels running into each other. Only
 * numbers: the page template and the report's PDF draw them, every day label centred
 * where it says.
 */
public record Chart(String line, List<Dot> dots, double bandTop, double bandHeight, List<Tick> ticks, List<Tick> days) {

	/** Wider than the axis, so that the last day's label fits centred under its dot. */
	static final double WIDTH = 332;

	static final double LEFT = 36;

	static final double RIGHT = 308;

	static final double TOP = 12;

	static final double BOTTOM = 148;

	/** A value at a point: where, and what it says. */
	public record Dot(double x, double y, String value, String day) {
	}

	/** An axis label and where its middle goes (y for values, x for days). */
	public record Tick(double at, String label) {
	}

	/**
	 * Steps between day labels, shortest first: the chart takes the first whose labels
	 * leave room between them, so a plan of a few weeks is labelled by the week and a
	 * longer one by the month.
	 */
	private static final List<Period> STEPS = List.of(Period.ofDays(1), Period.ofDays(2), Period.ofWeeks(1),
			Period.ofWeeks(2), Period.ofMonths(1), Period.ofMonths(2), Period.ofMonths(3), Period.ofMonths(6),
			Period.ofYears(1));

	/**
	 * The size of the day labels on the page, in view box units (the PDF's are smaller).
	 */
	static final double LABEL_SIZE = 11;

	/** Room kept between two day labels, in view box units. */
	static final double LABEL_GAP = 4;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	/** Over a year or more, the same day comes round again: its year tells them apart. */
	private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	/**
	 * The chart of these points, oldest first, its days named in this zone (the
	 * clinic's).
	 */
	static Chart of(Measure measure, List<Progress.Point> points, double bandLow, double bandHigh, ZoneId zone) {
		List<Dot> dots = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		Instant first = points.isEmpty() ? null : points.get(0).at();
		double span = points.isEmpty() ? 0 : Duration.between(first, points.get(points.size() - 1).at()).toSeconds();
		for (int n = 0; n < points.size(); n++) {
			Progress.Point point = points.get(n);
			double x = span <= 0 ? (LEFT + RIGHT) / 2 : x(first, span, point.at());
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
		List<Tick> days = points.isEmpty() ? List.of()
				: dayLabels(first, points.get(points.size() - 1).at(), span, zone);
		return new Chart(line.toString(), dots, round(top), round(bottom - top), ticks, days);
	}

	/**
	 * The day labels of the time axis, each centred where its day falls (at the time of
	 * day of the first score) but kept inside the view box: the first day, the last, and
	 * between them one every step from the first, the shortest step that does not crowd
	 * them. A single day is named once, in the middle; over a year or more, each with its
	 * year.
	 */
	private static List<Tick> dayLabels(Instant first, Instant last, double span, ZoneId zone) {
		ZonedDateTime start = first.atZone(zone);
		LocalDate lastDay = LocalDate.ofInstant(last, zone);
		if (span <= 0 || start.toLocalDate().equals(lastDay)) {
			return List.of(label((LEFT + RIGHT) / 2, start.toLocalDate(), DAY));
		}
		DateTimeFormatter format = lastDay.isBefore(start.toLocalDate().plusYears(1)) ? DAY : DAY_AND_YEAR;
		Tick firstTick = label(LEFT, start.toLocalDate(), format);
		Tick lastTick = label(RIGHT, lastDay, format);
		for (Period step : STEPS) {
			List<Tick> days = new ArrayList<>(List.of(firstTick));
			for (int n = 1;; n++) {
				ZonedDateTime at = start.toLocalDate()
					.plus(step.multipliedBy(n))
					.atTime(start.toLocalTime())
					.atZone(zone);
				if (!at.toLocalDate().isBefore(lastDay)) {
					break;
				}
				Tick tick = label(x(first, span, at.toInstant()), at.toLocalDate(), format);
				if (!crowd(tick, lastTick)) {
					days.add(tick);
				}
			}
			days.add(lastTick);
			if (!crowded(days)) {
				return days;
			}
		}
		return List.of(firstTick, lastTick);
	}

	/** Whether any two neighbouring labels leave less than the gap between them. */
	static boolean crowded(List<Tick> days) {
		for (int n = 1; n < days.size(); n++) {
			if (crowd(days.get(n - 1), days.get(n))) {
				return true;
			}
		}
		return false;
	}

	private static boolean crowd(Tick left, Tick right) {
		return right.at() - left.at() < (labelWidth(left.label()) + labelWidth(right.label())) / 2 + LABEL_GAP;
	}

	/**
	 * How wide a label is drawn on the page, in the widths of Helvetica and the system
	 * fonts that keep to them (Arial, Roboto, Segoe UI): figures and most small letters
	 * about 0.56 of the size, capitals about 0.72, a space 0.28.
	 */
	static double labelWidth(String label) {
		double ems = 0;
		for (char c : label.toCharArray()) {
			ems += Character.isUpperCase(c) ? 0.72 : c == ' ' ? 0.28 : 0.56;
		}
		return ems * LABEL_SIZE;
	}

	/** A day's label centred at {@code x}, or as near as keeps it inside the view box. */
	private static Tick label(double x, LocalDate day, DateTimeFormatter format) {
		String label = format.format(day);
		double half = labelWidth(label) / 2;
		return new Tick(round(Math.max(half, Math.min(WIDTH - half, x))), label);
	}

	private static double x(Instant first, double span, Instant at) {
		double x = LEFT + (RIGHT - LEFT) * Duration.between(first, at).toSeconds() / span;
		return Math.max(LEFT, Math.min(RIGHT, x));
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
