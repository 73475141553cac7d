package org.unknot.practitioner.web;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.unknot.practitioner.PhotoSize;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerPhotos;
import org.unknot.practitioner.PractitionerId;

/**
 * A practitioner's picture for templates ({@code fragments/practitioner :: photo}): their
 * photo, described by name and role, or the neutral placeholder, which says nothing and
 * so is left out of what a screen reader reads.
 */
@Component("photos")
public class PhotosForPages {

	static final String PLACEHOLDER = "/images/practitioner-placeholder.svg";

	private final PractitionerPhotos photos;

	PhotosForPages(PractitionerPhotos photos) {
		this.photos = photos;
	}

	/** {@code size}: "large" or "small". */
	public Picture of(Practitioner practitioner, String size) {
		PhotoSize chosen = PhotoSize.valueOf(size.toUpperCase(Locale.ROOT));
		return photos.version(PractitionerId.of(practitioner.id()))
			.map(version -> new Picture(path(practitioner.id(), chosen) + "?v=" + version, practitioner.nameAndRole(),
					chosen.pixels(), false))
			.orElseGet(() -> new Picture(PLACEHOLDER, "", chosen.pixels(), true));
	}

	private static String path(String id, PhotoSize size) {
		return "/practitioners/" + id + (size == PhotoSize.LARGE ? "/photo.jpg" : "/photo-small.jpg");
	}

	/** What an {@code img} needs. */
	public record Picture(String src, String alt, int pixels, boolean placeholder) {
	}

}
