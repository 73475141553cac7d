package org.unknot.care.measures;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.system.Times;
import org.unknot.patient.PatientId;

/**
 * A patient's scores over time, one series per measure, each judged from its first score
 * against the measure's meaningful change. Pain includes the "before" score of every
 * session record. Every read is audited.
 */
@Service
public class Progress {

	private final JdbcClient jdbc;

	private final MeasureResponses responses;

	private final Measures measures;

	private final AuditLog audit;

	private final ClinicTime clinicTime;

	Progress(JdbcClient jdbc, MeasureResponses responses, Measures measures, AuditLog audit, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.responses = responses;
		this.measures = measures;
		this.audit = audit;
		this.clinicTime = clinicTime;
	}

	/** Who is looking, for the audit trail. */
	public record Reader(String id, String role, String address) {
	}

	/** One score at one time. */
	public record Point(Instant at, double value, String dayLabel) {
	}

	/**
	 * One measure's scores, oldest first, with the band of no meaningful change around
	 * the baseline and a sentence saying where things stand.
	 */
	public record Series(Measure measure, List<Point> points, double bandLow, double bandHigh, Judgement judgement,
			String sentence, String bandWords, Chart chart) {

		public String valueLabel() {
			return measure.min() == 0 && measure.max() == 10 ? "out of 10"
					: "from " + format(measure.min()) + " to " + format(measure.max());
		}

	}

	/** Every series with at least one score, pain first. */
	@Transactional
	public List<Series> of(PatientId patientId, Reader reader) {
		return series(patientId, points(patientId), reader);
	}

	/**
	 * The series of a plan's period, as a report charts them: each measure's baseline
	 * (its last score on or before the plan's first day, in the zone of the patient's
	 * clinic), then its scores after that day up to {@code until}. Scores outside the
	 * period are left out, and so is a measure with none in it.
	 */
	@Transactional
	public List<Series> during(PatientId patientId, LocalDate start, Instant until, Reader reader) {
		Instant afterStartDay = start.plusDays(1).atStartOfDay(clinicTime.ofPatient(patientId)).toInstant();
		Map<String, List<Point>> byMeasure = points(patientId);
		byMeasure.replaceAll((code, points) -> within(points, afterStartDay, until));
		return series(patientId, byMeasure, reader);
	}

	/**
	 * The points of a period, oldest first: the last before {@code afterStartDay} (the
	 * baseline), then those from it to {@code until}, inclusive.
	 */
	static List<Point> within(List<Point> points, Instant afterStartDay, Instant until) {
		List<Point> sorted = points.stream().sorted(Comparator.comparing(Point::at)).toList();
		List<Point> kept = new ArrayList<>();
		sorted.stream()
			.filter(point -> point.at().isBefore(afterStartDay))
			.reduce((first, second) -> second)
			.ifPresent(kept::add);
		sorted.stream()
			.filter(point -> !point.at().isBefore(afterStartDay) && !point.at().isAfter(until))
			.forEach(kept::add);
		return kept;
	}

	/** Each measure's scores, pain first, unsorted. */
	private Map<String, List<Point>> points(PatientId whose) {
		UUID patientId = whose.value();
		Map<String, List<Point>> byMeasure = new LinkedHashMap<>();
		BuiltInMeasures.ALL.forEach(measure -> byMeasure.put(measure.code(), new ArrayList<>()));
		// each day is named where it was spent: in the zone of that visit's clinic
		ZoneId patientZone = clinicTime.ofPatient(whose);
		// a session record's "before" score belongs to the day of its visit, not to the
		// day the record was written (often later)
		jdbc.sql("""
				SELECT s.appointment_id, s.pain_before, COALESCE(a.start_at, s.written_at) AS taken_at
				FROM session_note s LEFT JOIN appointment a ON a.id = s.appointment_id
				WHERE s.patient_id = ? AND s.pain_before IS NOT NULL""")
			.param(patientId)
			.query((rs, n) -> point(rs.getTimestamp("taken_at"), rs.getInt("pain_before"),
					clinicTime.of(rs.getObject("appointment_id", UUID.class), whose)))
			.list()
			.forEach(byMeasure.get(BuiltInMeasures.PAIN)::add);
		for (MeasureResponse response : responses.ofPatient(whose)) {
			byMeasure.computeIfAbsent(response.measure(), code -> new ArrayList<>())
				.add(point(Timestamp.from(response.answeredAt()), response.score(), response.appointmentId() == null
						? patientZone : clinicTime.of(response.appointmentId(), whose)));
		}
		return byMeasure;
	}

	private List<Series> series(PatientId patientId, Map<String, List<Point>> byMeasure, Reader reader) {
		List<Series> series = new ArrayList<>();
		ZoneId zone = clinicTime.ofPatient(patientId);
		byMeasure.forEach((code, points) -> {
			if (!points.isEmpty()) {
				measures.find(code).ifPresent(measure -> series.add(series(measure, points, zone)));
			}
		});
		if (!series.isEmpty()) {
			audit.record(new AuditEvent(reader.id(), reader.role(), patientId.value(), "READ", "measures", null,
					reader.address(), AuditEvent.Outcome.SUCCESS));
		}
		return series;
	}

	/** A measure's series, its chart's days named in {@code zone}. */
	static Series series(Measure measure, List<Point> unsorted, ZoneId zone) {
		List<Point> points = unsorted.stream().sorted(Comparator.comparing(Point::at)).toList();
		double baseline = measure.reference() != null ? measure.reference() : points.get(0).value();
		double latest = points.get(points.size() - 1).value();
		double threshold = measure.threshold(baseline);
		double low = Math.max(measure.min(), baseline - threshold);
		double high = Math.min(measure.max(), baseline + threshold);
		Judgement judgement = measure.judge(points.get(0).value(), latest);
		return new Series(measure, points, low, high, judgement, sentence(measure, points, judgement),
				bandWords(measure, baseline, threshold, low, high), Chart.of(measure, points, low, high, zone));
	}

	private static String sentence(Measure measure, List<Point> points, Judgement judgement) {
		double latest = points.get(points.size() - 1).value();
		if (!measure.fromBaseline()) {
			String answer = measure.items()
				.get(0)
				.options()
				.stream()
				.filter(option -> option.score() == (int) latest)
				.map(Item.AnswerOption::display)
				.findFirst()
				.orElse(format(latest));
			return "The latest answer was \u201c" + answer + "\u201d (" + format(latest) + " of "
					+ format(measure.max()) + "): " + judgement.words() + ".";
		}
		String subject = switch (measure.code()) {
			case BuiltInMeasures.PAIN -> "Pain";
			case BuiltInMeasures.PSFS -> "The activities score";
			default -> "The " + measure.title() + " score";
		};
		if (points.size() == 1) {
			return subject + " was " + format(latest) + " at the first score; the next one shows the change.";
		}
		return subject + " has gone from " + format(points.get(0).value()) + " to " + format(latest) + ": "
				+ judgement.words() + ".";
	}

	private static String bandWords(Measure measure, double baseline, double threshold, double low, double high) {
		String better = measure.direction() == Direction.LOWER_IS_BETTER ? "Lower" : "Higher";
		return "The shaded band runs from " + format(low) + " to " + format(high) + ": within " + format(threshold)
				+ " points of " + (measure.fromBaseline() ? "the first score (" : "\u201cabout the same\u201d (")
				+ format(baseline) + "), a change is not yet meaningful. " + better + " is better.";
	}

	private static Point point(Timestamp at, double value, ZoneId zone) {
		Instant instant = at.toInstant();
		return new Point(instant, value, Times.shortDay(LocalDate.ofInstant(instant, zone)));
	}

	static String format(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(Math.round(value * 10) / 10.0);
	}

}
