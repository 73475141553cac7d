package org.unknot.availability;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.unknot.availability.SlotFinder.PractitionerCalendar;
import org.unknot.availability.SlotFinder.RoomCalendar;
import org.unknot.catalog.ClinicClosure;
import org.unknot.practitioner.Licence;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Profession;
import org.unknot.practitioner.WorkingHours;

/**
 * How fast the availability engine answers, beside a floor measured in the same run: a
 * loop that probes exactly the same candidate starts against the same interval sets and
 * nothing else. The gap between the two is the engine's own bookkeeping (time zone
 * look-ups, dates, windows, records, sorting), which is what can still be optimised; the
 * floor is what cannot.
 *
 * <p>
 * The clinic is built in memory from a seeded {@link Random}: 20 practitioners in New
 * York working Monday to Friday 09:00-17:00 (every fourth also Saturday 09:00-13:00),
 * about 70% of their time taken by 60-minute visits with 15 minutes' buffer after, 4
 * rooms each about 40% taken (at 70% the rooms would leave almost nothing free), some
 * time off and one closed day. Licences and closures are checked through the same records
 * and predicates as {@code AvailabilitySearch} builds. Visits are placed at random, so
 * the free time is fragmented as in a real diary: a busy practitioner has few free
 * starts. See docs/benchmarks.md for how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SlotFinderBenchmark {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final LocalDate MONDAY = LocalDate.of(2027, 5, 3);
	static final LocalDate TUESDAY = MONDAY.plusDays(1);
	static final LocalDate LAST_DAY = MONDAY.plusDays(13);
	static final LocalDate CLOSED = MONDAY.plusDays(9);
	static final long SEED = 20_261_124L;
	static final int PRACTITIONERS = 20;
	static final int ROOMS = 4;
	static final double TAKEN = 0.7;
	static final double ROOM_TAKEN = 0.4;
	static final long DURATION = 3_600;
	static final long BUFFER_AFTER = 900;
	static final int STEP = 900;
	static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
	static final Set<String> LICENCE_TYPES = Set.of("LMT");
	static final String STATE = "NJ";

	private SlotFinder.Input clinic;

	private SlotFinder.Input onePractitioner;

	private Floor clinicFloor;

	private Floor onePractitionerFloor;

	private Floor onePractitionerOneDayFloor;

	@Setup
	public void build() {
		clinic = clinicInput(PRACTITIONERS);
		onePractitioner = new SlotFinder.Input(clinic.rules(), clinic.closed(), clinic.practitioners().subList(0, 1),
				true, clinic.rooms());
		clinicFloor = new Floor(clinic, MONDAY, LAST_DAY);
		onePractitionerFloor = new Floor(onePractitioner, MONDAY, LAST_DAY);
		onePractitionerOneDayFloor = new Floor(onePractitioner, TUESDAY, TUESDAY);
		requireSameAnswer(onePractitioner, onePractitionerOneDayFloor, TUESDAY, TUESDAY);
		requireSameAnswer(onePractitioner, onePractitionerFloor, MONDAY, LAST_DAY);
		requireSameAnswer(clinic, clinicFloor, MONDAY, LAST_DAY);
	}

	@Benchmark
	public List<?> onePractitionerOneDay() {
		return SlotFinder.freeSlots(onePractitioner, TUESDAY, TUESDAY);
	}

	@Benchmark
	public List<?> onePractitionerFourteenDays() {
		return SlotFinder.freeSlots(onePractitioner, MONDAY, LAST_DAY);
	}

	@Benchmark
	public List<?> twentyPractitionersFourteenDays() {
		return SlotFinder.freeSlots(clinic, MONDAY, LAST_DAY);
	}

	@Benchmark
	public int floorOnePractitionerOneDay() {
		return onePractitionerOneDayFloor.count();
	}

	@Benchmark
	public int floorOnePractitionerFourteenDays() {
		return onePractitionerFloor.count();
	}

	@Benchmark
	public int floorTwentyPractitionersFourteenDays() {
		return clinicFloor.count();
	}

	/**
	 * Runs the benchmarks forked with the test class path, then prints each median beside
	 * its floor. JMH options given as arguments ({@code -f 0 -wi 1 -i 3}, a regular
	 * expression) take precedence.
	 */
	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		exposeClassPathToForks();
		var given = new CommandLineOptions(args);
		var options = new OptionsBuilder().parent(given);
		if (given.getIncludes().isEmpty()) {
			options.include(SlotFinderBenchmark.class.getSimpleName());
		}
		Map<String, Double> medians = new LinkedHashMap<>();
		for (RunResult run : new Runner(options.build()).run()) {
			String method = run.getParams().getBenchmark();
			medians.put(method.substring(method.lastIndexOf('.') + 1), median(run));
		}
		report(medians);
	}

	// --- the scenario
	// ------------------------------------------------------------------------

	static SlotFinder.Input clinicInput(int practitioners) {
		Random random = new Random(SEED);
		var rules = new SlotFinder.Rules(DURATION, 0, BUFFER_AFTER, STEP, NOW.getEpochSecond(),
				NOW.getEpochSecond() + 3_600, LocalDate.of(2028, 12, 31), NEW_YORK);
		List<PractitionerCalendar> calendars = new ArrayList<>();
		for (int p = 0; p < practitioners; p++) {
			String id = "lmt-" + p;
			List<WorkingHours> hours = hoursOf(id, p % 4 == 0);
			Practitioner practitioner = licensedTherapist(id);
			Predicate<LocalDate> licensed = day -> practitioner.licensedOn(day, LICENCE_TYPES, STATE);
			calendars.add(new PractitionerCalendar(id, hours, licensed, timeOff(p), taken(hours, TAKEN, random)));
		}
		List<WorkingHours> opening = hoursOf("clinic", true);
		List<RoomCalendar> rooms = new ArrayList<>();
		for (int r = 1; r <= ROOMS; r++) {
			rooms.add(new RoomCalendar("room-" + r, taken(opening, ROOM_TAKEN, random)));
		}
		List<ClinicClosure> closures = List.of(new ClinicClosure("clinic", CLOSED, CLOSED, "repairs"),
				new ClinicClosure("clinic", LocalDate.of(2027, 7, 4), LocalDate.of(2027, 7, 5), "holiday"));
		Predicate<LocalDate> closed = day -> closures.stream().anyMatch(closure -> closure.covers(day));
		return new SlotFinder.Input(rules, closed, calendars, true, rooms);
	}

	/**
	 * Licensed as the application checks it: the licences of a type for the state, valid
	 * on the day.
	 */
	private static Practitioner licensedTherapist(String id) {
		List<Licence> licences = List.of(
				new Licence("LMT", "18KT" + id, STATE, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 31)),
				new Licence("LMT", "18KU" + id, STATE, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31)),
				new Licence("LMT", "NY-" + id, "NY", LocalDate.of(2021, 1, 1), LocalDate.of(2029, 12, 31)));
		return new Practitioner(id, "Bench", id, Profession.LMT, "LMT", null, null, "", List.of(), List.of("English"),
				licences, Set.of("massage-60"), true);
	}

	private static List<WorkingHours> hoursOf(String practitionerId, boolean saturdays) {
		List<WorkingHours> hours = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5) {
				hours.add(hour(practitionerId, day, 17));
			}
			else if (day == DayOfWeek.SATURDAY && saturdays) {
				hours.add(hour(practitionerId, day, 13));
			}
		}
		return hours;
	}

	private static WorkingHours hour(String practitionerId, DayOfWeek day, int endHour) {
		return new WorkingHours(practitionerId, "clinic", day, LocalTime.of(9, 0), LocalTime.of(endHour, 0), NEW_YORK,
				LocalDate.of(2026, 1, 1), null);
	}

	/**
	 * A few absences: a day, an afternoon, a week's holiday, and a Friday afternoon for
	 * the first.
	 */
	private static IntervalSet timeOff(int practitioner) {
		var off = new IntervalSet.Builder();
		switch (practitioner) {
			case 0 -> off.add(at(MONDAY.plusDays(11), 13), at(MONDAY.plusDays(11), 17));
			case 1 -> off.add(at(MONDAY.plusDays(1), 0), at(MONDAY.plusDays(2), 0));
			case 2 -> off.add(at(MONDAY.plusDays(10), 13), at(MONDAY.plusDays(10), 17));
			case 5 -> off.add(at(MONDAY.plusDays(7), 0), at(MONDAY.plusDays(12), 0));
			default -> {
			}
		}
		return off.build();
	}

	/**
	 * About {@link #TAKEN} of every working window (the day before and after the range
	 * too, as the application loads them) blocked by visits at random grid starts that do
	 * not overlap.
	 */
	private static IntervalSet taken(List<WorkingHours> hours, double share, Random random) {
		var busy = new IntervalSet.Builder();
		for (LocalDate day = MONDAY.minusDays(1); !day.isAfter(LAST_DAY.plusDays(1)); day = day.plusDays(1)) {
			long[] windows = SlotFinder.windows(hours, day);
			for (int w = 0; w < windows.length; w += 2) {
				fill(windows[w], windows[w + 1], share, random, busy);
			}
		}
		return busy.build();
	}

	/**
	 * Places as many visits as block {@link #TAKEN} of the window on average (rounding up
	 * or down at random), each at a random grid start where it overlaps none placed
	 * before.
	 */
	private static void fill(long windowStart, long windowEnd, double share, Random random, IntervalSet.Builder busy) {
		double visits = share * (windowEnd - windowStart) / (DURATION + BUFFER_AFTER);
		int wanted = (int) visits + (random.nextDouble() < visits - (int) visits ? 1 : 0);
		List<Long> starts = new ArrayList<>();
		for (long t = windowStart; t + DURATION <= windowEnd; t += STEP) {
			starts.add(t);
		}
		Collections.shuffle(starts, random);
		List<long[]> placed = new ArrayList<>();
		for (int i = 0; i < starts.size() && placed.size() < wanted; i++) {
			long start = starts.get(i);
			long end = start + DURATION + BUFFER_AFTER;
			if (placed.stream().noneMatch(p -> p[0] < end && start < p[1])) {
				placed.add(new long[] { start, end });
				busy.add(start, end);
			}
		}
	}

	private static long at(LocalDate day, int hour) {
		return ZonedDateTime.of(day, LocalTime.of(hour, 0), NEW_YORK).toEpochSecond();
	}

	/**
	 * The least work any engine must do: every grid start of every working window, with
	 * the closed day, time off, the practitioner's visits and the rooms tested by binary
	 * search. Windows and days are computed once here, outside the measurement.
	 */
	static final class Floor {

		private final long[] windows;

		private final boolean[] windowClosed;

		private final IntervalSet[] timeOff;

		private final IntervalSet[] busy;

		private final IntervalSet[] rooms;

		private final int[] practitionerOfWindow;

		Floor(SlotFinder.Input input, LocalDate from, LocalDate to) {
			List<long[]> found = new ArrayList<>();
			List<PractitionerCalendar> calendars = input.practitioners();
			for (int p = 0; p < calendars.size(); p++) {
				for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
					long[] dayWindows = SlotFinder.windows(calendars.get(p).hours(), day);
					for (int w = 0; w < dayWindows.length; w += 2) {
						found.add(new long[] { dayWindows[w], dayWindows[w + 1], p, input.closed().test(day) ? 1 : 0 });
					}
				}
			}
			windows = new long[found.size() * 2];
			windowClosed = new boolean[found.size()];
			practitionerOfWindow = new int[found.size()];
			for (int i = 0; i < found.size(); i++) {
				windows[2 * i] = found.get(i)[0];
				windows[2 * i + 1] = found.get(i)[1];
				practitionerOfWindow[i] = (int) found.get(i)[2];
				windowClosed[i] = found.get(i)[3] == 1;
			}
			timeOff = calendars.stream().map(PractitionerCalendar::timeOff).toArray(IntervalSet[]::new);
			busy = calendars.stream().map(PractitionerCalendar::busy).toArray(IntervalSet[]::new);
			rooms = input.rooms().stream().map(RoomCalendar::busy).toArray(IntervalSet[]::new);
		}

		int count() {
			int free = 0;
			for (int i = 0; i < windowClosed.length; i++) {
				if (windowClosed[i]) {
					continue;
				}
				int p = practitionerOfWindow[i];
				for (long t = windows[2 * i]; t + DURATION <= windows[2 * i + 1]; t += STEP) {
					if (!timeOff[p].overlaps(t, t + DURATION) && !busy[p].overlaps(t, t + DURATION + BUFFER_AFTER)
							&& anyRoomFree(t, t + DURATION + BUFFER_AFTER)) {
						free++;
					}
				}
			}
			return free;
		}

		/** Candidate starts probed: the work the floor and the engine have in common. */
		int probes() {
			int probes = 0;
			for (int i = 0; i < windowClosed.length; i++) {
				probes += windowClosed[i] ? 0 : (int) ((windows[2 * i + 1] - DURATION - windows[2 * i]) / STEP + 1);
			}
			return probes;
		}

		private boolean anyRoomFree(long from, long to) {
			for (IntervalSet room : rooms) {
				if (!room.overlaps(from, to)) {
					return true;
				}
			}
			return false;
		}

	}

	private static void requireSameAnswer(SlotFinder.Input input, Floor floor, LocalDate from, LocalDate to) {
		int engine = SlotFinder.freeSlots(input, from, to).size();
		if (engine != floor.count()) {
			throw new IllegalStateException("The floor finds " + floor.count() + " free starts, the engine " + engine
					+ ": they no longer do the same work");
		}
	}

	// --- running and reporting
	// ---------------------------------------------------------------

	/**
	 * Under {@code exec:java} the test classes are on a class loader, not on
	 * {@code java.class.path}, which is what JMH gives a forked JVM.
	 */
	private static void exposeClassPathToForks() {
		if (SlotFinderBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
			List<String> entries = new ArrayList<>();
			for (URL url : loader.getURLs()) {
				try {
					entries.add(Path.of(url.toURI()).toString());
				}
				catch (URISyntaxException e) {
					throw new IllegalStateException("Not a file on the class path: " + url, e);
				}
			}
			System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
		}
	}

	private static double median(RunResult run) {
		List<Double> scores = new ArrayList<>();
		for (BenchmarkResult fork : run.getBenchmarkResults()) {
			for (IterationResult iteration : fork.getIterationResults()) {
				scores.add(iteration.getPrimaryResult().getScore());
			}
		}
		double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static void report(Map<String, Double> medians) {
		var bench = new SlotFinderBenchmark();
		bench.build();
		System.out.println();
		System.out.println(
				"SlotFinder.freeSlots, median of iterations (microseconds per call), beside the probe-only floor:");
		line(medians, "1 practitioner, 1 day", "onePractitionerOneDay", bench.onePractitioner, TUESDAY, TUESDAY,
				bench.onePractitionerOneDayFloor);
		line(medians, "1 practitioner, 14 days", "onePractitionerFourteenDays", bench.onePractitioner, MONDAY, LAST_DAY,
				bench.onePractitionerFloor);
		line(medians, "20 practitioners, 14 days", "twentyPractitionersFourteenDays", bench.clinic, MONDAY, LAST_DAY,
				bench.clinicFloor);
	}

	private static void line(Map<String, Double> medians, String label, String engine, SlotFinder.Input input,
			LocalDate from, LocalDate to, Floor floor) {
		Double engineMicros = medians.get(engine);
		Double floorMicros = medians.get("floor" + Character.toUpperCase(engine.charAt(0)) + engine.substring(1));
		if (engineMicros == null) {
			return;
		}
		String found = SlotFinder.freeSlots(input, from, to).size() + " free of " + floor.probes() + " probed starts";
		String beside = floorMicros == null ? "floor not run"
				: String.format("floor %.2f us (%,.0f/s), engine/floor %.1fx", floorMicros, 1e6 / floorMicros,
						engineMicros / floorMicros);
		System.out.println(String.format("  %-26s %9.2f us (%,10.0f/s)  %s; %s", label, engineMicros,
				1e6 / engineMicros, beside, found));
	}

}
