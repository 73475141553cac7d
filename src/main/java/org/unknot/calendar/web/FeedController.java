package org.unknot.calendar.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.calendar.PractitionerFeeds;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerId;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.NotFound;
import org.unknot.system.SiteAddress;

/**
 * Practitioners' private calendar feeds: admins make and revoke them (JSON under
 * {@code /admin/}, behind an admin's sign-in); the calendar app fetches
 * {@code /calendar/feeds/{token}.ics} with the secret in the address, as calendar apps
 * expect.
 */
@RestController
class FeedController {

	private final PractitionerFeeds feeds;

	private final Practitioners practitioners;

	private final AppointmentCalendar calendar;

	private final SiteAddress site;

	private final Clock clock;

	FeedController(PractitionerFeeds feeds, Practitioners practitioners, AppointmentCalendar calendar, SiteAddress site,
			Clock clock) {
		this.feeds = feeds;
		this.practitioners = practitioners;
		this.calendar = calendar;
		this.site = site;
		this.clock = clock;
	}

	@PostMapping("/admin/practitioners/{id}/calendar-feed")
	ResponseEntity<Map<String, String>> create(@PathVariable String id) {
		PractitionerId practitionerId = PractitionerId.of(id);
		practitioners.get("id", practitionerId);
		String token = feeds.create(practitionerId);
		String url = site.link("/calendar/feeds/" + token + ".ics");
		return ResponseEntity.created(URI.create(url)).body(Map.of("url", url));
	}

	@DeleteMapping("/admin/practitioners/{id}/calendar-feed")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		PractitionerId practitionerId = PractitionerId.of(id);
		practitioners.get("id", practitionerId);
		feeds.revokeAll(practitionerId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/calendar/feeds/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		PractitionerId practitionerId = feeds.practitionerOf(token)
			.orElseThrow(() -> new NotFound(null, "calendar feed", "(this address)"));
		Practitioner practitioner = practitioners.get("id", practitionerId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.body(calendar.feed(practitioner.displayName(), practitionerId, clock.instant()));
	}

}
