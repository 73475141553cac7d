package org.unknot.video.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.system.Text;
import org.unknot.video.VideoLinks;
import org.unknot.video.VideoProperties;

/**
 * The join link: to the meeting room from a little before the visit until its end,
 * otherwise a kind page.
 */
@Controller
class JoinController {

	private final VideoLinks links;

	private final Appointments appointments;

	private final VideoProperties properties;

	private final Clock clock;

	private final ZoneId virtualZone;

	JoinController(VideoLinks links, Appointments appointments, VideoProperties properties, Clock clock,
			CatalogProperties catalog) {
		this.links = links;
		this.appointments = appointments;
		this.properties = properties;
		this.clock = clock;
		this.virtualZone = catalog.virtualZone();
	}

	@GetMapping("/visits/{id}/join")
	ModelAndView join(@PathVariable String id, @RequestParam(required = false) String token) {
		UUID appointmentId = Text.uuidOrNull(id);
		Appointment visit = appointmentId == null ? null : appointments.find(appointmentId).orElse(null);
		URI room = visit == null ? null : links.room(appointmentId, token).orElse(null);
		if (room == null) {
			return page(HttpStatus.NOT_FOUND, "This join link is not valid",
					"Please use the link from your latest confirmation or reminder.");
		}
		if (visit.status() == AppointmentStatus.CANCELLED) {
			return page(HttpStatus.GONE, "This visit was cancelled", "There is nothing to join.");
		}
		Instant now = clock.instant();
		Instant opens = visit.start().minus(properties.opensBefore());
		if (now.isBefore(opens)) {
			return page(HttpStatus.FORBIDDEN, "Your video visit has not opened yet", "The link works from "
					+ OPENS.format(opens.atZone(virtualZone)) + " (" + virtualZone + ")" + ". See you then.");
		}
		if (!now.isBefore(visit.end())) {
			return page(HttpStatus.GONE, "This video visit has ended", "Please call us if you need another visit.");
		}
		return new ModelAndView("redirect:" + room);
	}

	private static final DateTimeFormatter OPENS = DateTimeFormatter.ofPattern("EEEE, MMMM d, h:mm a zzz", Locale.US);

	private static ModelAndView page(HttpStatus status, String title, String text) {
		ModelAndView page = new ModelAndView("video/join", status);
		page.addObject("title", title);
		page.addObject("text", text);
		return page;
	}

}
