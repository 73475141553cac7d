package org.unknot.practitioner.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.unknot.practitioner.PhotoSize;
import org.unknot.practitioner.PractitionerPhotos;
import org.unknot.system.NotFound;
import org.unknot.practitioner.PractitionerId;

/**
 * Practitioners' photos, served by Unknot itself (the pages' images are same-origin) and
 * public like the directory. Pages link them with their version, so a new photo shows at
 * once while browsers and proxies keep the old one for a day.
 */
@RestController
class PhotoController {

	private static final CacheControl CACHED = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private final PractitionerPhotos photos;

	PhotoController(PractitionerPhotos photos) {
		this.photos = photos;
	}

	@GetMapping("/practitioners/{id}/photo.jpg")
	ResponseEntity<byte[]> large(@PathVariable String id, WebRequest request) {
		return photo(id, PhotoSize.LARGE, request);
	}

	@GetMapping("/practitioners/{id}/photo-small.jpg")
	ResponseEntity<byte[]> small(@PathVariable String id, WebRequest request) {
		return photo(id, PhotoSize.SMALL, request);
	}

	private ResponseEntity<byte[]> photo(String id, PhotoSize size, WebRequest request) {
		PractitionerPhotos.Photo photo = photos.find(PractitionerId.of(id), size)
			.orElseThrow(() -> new NotFound("id", "photo of practitioner", id));
		String etag = "\"" + photo.version() + "-" + size.pixels() + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(CACHED).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.eTag(etag)
			.cacheControl(CACHED)
			.contentLength(photo.jpeg().length)
			.body(photo.jpeg());
	}

}
