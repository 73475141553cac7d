package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unknot.UnknotIntegrationTest;
import org.unknot.system.NotFound;

@UnknotIntegrationTest
class MeasureScheduleStoreTests {

	@Autowired
	MeasureSchedules schedules;

	@Test
	void keepsAPlansScheduleAndSaysWhatIsDueAtAVisit() {
		UUID plan = UUID.randomUUID();
		schedules.set(plan,
				List.of(ScheduledMeasure.at(BuiltInMeasures.PSFS, Timing.START),
						ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1),
						ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.DISCHARGE)));
		LocalDate start = LocalDate.of(2027, 3, 1);

		assertThat(schedules.of(plan)).hasSize(3);
		assertThat(schedules.dueAt(plan, new UpcomingVisit(1, start, null, start, false, false)))
			.containsExactlyInAnyOrder("psfs", "pain-nrs");
		assertThat(schedules.dueAt(plan,
				new UpcomingVisit(6, start, start.plusWeeks(8), start.plusWeeks(10), false, true)))
			.containsExactlyInAnyOrder("pgic", "pain-nrs");
	}

	@Test
	void refusesAMeasureNobodyDefined() {
		assertThatThrownBy(() -> schedules.set(UUID.randomUUID(), List.of(ScheduledMeasure.at("nope", Timing.START))))
			.isInstanceOf(NotFound.class);
	}

}
