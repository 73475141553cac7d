package org.unknot.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.unknot.system.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes iCalendar for visits (RFC 5545, with iTIP methods of RFC 5546). Every entry of a
 * visit has the same UID; a later SEQUENCE replaces an earlier one in the patient's
 * calendar; times are local to the clinic with its VTIMEZONE included, so a calendar app
 * never shows them an hour off.
 */
@Component
public class CalendarInvitations {

	/** The media type of an invitation, as a mail part or a download. */
	public static final String REQUEST_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

	public static final String CANCEL_TYPE = "text/calendar; charset=UTF-8; method=CANCEL";

	/** The media type of a visit downloaded into the patient's own calendar. */
	public static final String PUBLISH_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

	public static final String FEED_TYPE = "text/calendar; charset=UTF-8";

	private static final String PRODUCT = "-//Unknot//Unknot Scheduling//EN";

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	/**
	 * The registry parses a zone's VTIMEZONE and builds its rules again on every look-up
	 * (a tenth of the CPU of sending a confirmation): each zone once. Only ever written
	 * out, never changed.
	 */
	private static final Map<ZoneId, VTimeZone> VTIMEZONES = new ConcurrentHashMap<>();

	private final Clock clock;

	private final String network;

	private final String organizerEmail;

	@Autowired
	CalendarInvitations(Clock clock, CalendarProperties properties) {
		this(clock, properties.network(), properties.organizerEmail());
	}

	public CalendarInvitations(Clock clock, String network, String organizerEmail) {
		this.clock = clock;
		this.network = network;
		this.organizerEmail = organizerEmail;
	}

	/** An invitation (METHOD:REQUEST) for the visit, or its update after a reschedule. */
	public byte[] request(AppointmentDetails visit) {
		return write(calendar(ImmutableMethod.REQUEST, List.of(visit.zone())).withComponent(event(visit, false))
			.getFluentTarget());
	}

	/**
	 * One invitation (METHOD:REQUEST) for several visits booked together, e.g. a series:
	 * one VEVENT per visit, each with that visit's own UID and SEQUENCE, so a later
	 * update or cancellation of one visit replaces exactly its entry.
	 */
	public byte[] request(List<AppointmentDetails> visits) {
		if (visits.isEmpty()) {
			throw new IllegalArgumentException("An invitation needs at least one visit");
		}
		Set<ZoneId> zones = new LinkedHashSet<>();
		visits.forEach(visit -> zones.add(visit.zone()));
		Calendar calendar = calendar(ImmutableMethod.REQUEST, zones);
		visits.forEach(visit -> calendar.add(event(visit, false)));
		return write(calendar);
	}

	/** The cancellation (METHOD:CANCEL) of an invitation: same UID, STATUS:CANCELLED. */
	public byte[] cancel(AppointmentDetails visit) {
		return write(calendar(ImmutableMethod.CANCEL, List.of(visit.zone())).withComponent(event(visit, true))
			.getFluentTarget());
	}

	/**
	 * One visit as the patient downloads it into their own calendar ("add to calendar"):
	 * METHOD:PUBLISH, since nobody is asked to reply, so no ATTENDEE (RFC 5546). The
	 * patient chose to keep it, so it is titled with the treatment and where ("Swedish
	 * massage, 60 minutes at Unknot Montclair"), never the reasons for it, and its
	 * description carries the link to change or cancel the visit.
	 */
	public byte[] download(AppointmentDetails visit, String treatment, String manageLink) {
		VEvent event = event(visit, false);
		event.replace(
				new Summary(treatment + (visit.video() ? ", video visit with " + network : " at " + visit.place())));
		event.replace(new Description(description(visit, false) + "\nTo change or cancel: " + manageLink));
		event.removeAll(Property.ATTENDEE);
		return write(calendar(ImmutableMethod.PUBLISH, List.of(visit.zone())).withComponent(event).getFluentTarget());
	}

	/**
	 * A calendar to subscribe to (METHOD:PUBLISH), e.g. a practitioner's feed;
	 * {@code titles} are shown instead of the patient-facing title, in the same order as
	 * the visits, and no ATTENDEE is named.
	 */
	public byte[] feed(String name, List<AppointmentDetails> visits, List<String> titles) {
		if (visits.size() != titles.size()) {
			throw new IllegalArgumentException("One title per visit");
		}
		Set<ZoneId> zones = new LinkedHashSet<>();
		visits.forEach(visit -> zones.add(visit.zone()));
		Calendar calendar = calendar(ImmutableMethod.PUBLISH, zones).withProperty(new XProperty("X-WR-CALNAME", name))
			.getFluentTarget();
		for (int i = 0; i < visits.size(); i++) {
			VEvent event = event(visits.get(i), false);
			event.replace(new Summary(titles.get(i)));
			// a subscribed feed is copied to calendar servers: the patient's address
			// stays out of it
			event.removeAll(Property.ATTENDEE);
			calendar.add(event);
		}
		return write(calendar);
	}

	private Calendar calendar(Method method, Collection<ZoneId> zones) {
		Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().withProperty(method).getFluentTarget();
		for (ZoneId zone : zones) {
			calendar.add(vtimezone(zone));
		}
		return calendar;
	}

	private VEvent event(AppointmentDetails visit, boolean cancelled) {
		VEvent event = (VEvent) new VEvent(false).withProperty(new Uid(visit.uid()))
			.withProperty(new Sequence(visit.sequence()))
			.withProperty(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
			.withProperty(new DtStart<>(local(visit.start(), visit.zone())))
			.withProperty(new DtEnd<>(local(visit.end(), visit.zone())))
			.withProperty(new Summary(visit.title(network)))
			.withProperty(new Description(description(visit, cancelled)))
			.withProperty(new Location(visit.video() ? visit.joinLink().toString() : visit.address()))
			.withProperty(organizer())
			.withProperty(attendee(visit.attendee()))
			.withProperty(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED)
			.getFluentTarget();
		if (visit.video()) {
			event.add(new Url(visit.joinLink()));
		}
		return event;
	}

	private String description(AppointmentDetails visit, boolean cancelled) {
		StringBuilder text = new StringBuilder();
		if (cancelled) {
			text.append("This visit has been cancelled.\n");
		}
		text.append(Times.dateTime(visit.start(), visit.zone())).append('\n');
		if (visit.video() && !cancelled) {
			text.append("Join the video visit (opens 15 minutes before): ").append(visit.joinLink()).append('\n');
		}
		if (visit.place() != null) {
			text.append(visit.place()).append(", ").append(visit.address()).append('\n');
		}
		if (visit.phone() != null) {
			text.append("To change or cancel, call ").append(visit.phone()).append('.');
		}
		return text.toString().strip();
	}

	private Organizer organizer() {
		return new Organizer(new ParameterList(List.of(new Cn(network))), "mailto:" + organizerEmail);
	}

	private static Attendee attendee(AppointmentDetails.Participant patient) {
		return new Attendee(new ParameterList(List.of(new Cn(patient.name()), CuType.INDIVIDUAL, Role.REQ_PARTICIPANT,
				PartStat.ACCEPTED, Rsvp.FALSE)), "mailto:" + patient.email());
	}

	private static ZonedDateTime local(Instant instant, ZoneId zone) {
		return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
	}

	private static VTimeZone vtimezone(ZoneId zone) {
		return VTIMEZONES.computeIfAbsent(zone, CalendarInvitations::loadVTimeZone);
	}

	private static VTimeZone loadVTimeZone(ZoneId zone) {
		var timeZone = ZONES.getTimeZone(zone.getId());
		if (timeZone == null) {
			throw new IllegalArgumentException("No VTIMEZONE known for " + zone);
		}
		return timeZone.getVTimeZone();
	}

	private static byte[] write(Calendar calendar) {
		var out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
