package org.unknot.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * For browser tests: a calendar file a page let the visitor download, read as a calendar
 * app reads it (lines unfolded, text unescaped), with its one event.
 */
public record DownloadedCalendar(Calendar calendar, VEvent event) {

	public static DownloadedCalendar read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			Calendar calendar = new CalendarBuilder().build(in);
			List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
			if (events.size() != 1) {
				throw new AssertionError("Expected one event, found " + events.size() + " in " + calendar);
			}
			return new DownloadedCalendar(calendar, events.get(0));
		}
		catch (ParserException unreadable) {
			throw new AssertionError("Not a calendar a calendar app can read: " + unreadable.getMessage(), unreadable);
		}
	}

	/** PUBLISH, REQUEST or CANCEL. */
	public String method() {
		return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
	}

	/** The event's property of this name, as its text reads; null when it has none. */
	public String eventProperty(String name) {
		return event.getProperty(name).map(Property::getValue).orElse(null);
	}

	public int sequence() {
		return Integer.parseInt(eventProperty(Property.SEQUENCE));
	}

	public boolean names(String property) {
		return event.getProperty(property).isPresent();
	}

}
