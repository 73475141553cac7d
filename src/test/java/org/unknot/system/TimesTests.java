package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class TimesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void namesTheZoneAsPeopleSayItOnEachSideOfTheClockChange() {
		ZonedDateTime winter = ZonedDateTime.of(2026, 12, 16, 11, 15, 0, 0, NEW_YORK);
		ZonedDateTime summer = ZonedDateTime.of(2027, 3, 15, 10, 0, 0, 0, NEW_YORK);

		assertThat(Times.shortDateTime(winter)).isEqualTo("Wed, Dec 16, 11:15 AM EST");
		assertThat(Times.dateTime(summer)).isEqualTo("Monday, March 15, 2027 at 10:00 AM EDT");
		assertThat(Times.timeWithZone(summer.toInstant(), NEW_YORK)).isEqualTo("10:00 AM EDT");
	}

	@Test
	void readsTheTimeInTheClinicsZoneNotTheServers() {
		ZonedDateTime utc = ZonedDateTime.of(2026, 12, 16, 16, 15, 0, 0, ZoneId.of("UTC"));

		assertThat(Times.time(utc.toInstant(), NEW_YORK)).isEqualTo("11:15 AM");
		assertThat(Times.time(utc.toInstant(), ZoneId.of("America/Los_Angeles"))).isEqualTo("8:15 AM");
	}

	@Test
	void writesDaysInWords() {
		assertThat(Times.day(LocalDate.of(2026, 12, 16))).isEqualTo("Wednesday, December 16, 2026");
		assertThat(Times.shortDay(LocalDate.of(2026, 12, 16))).isEqualTo("Wed, Dec 16");
	}

}
