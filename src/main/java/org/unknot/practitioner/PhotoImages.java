package org.unknot.practitioner;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.geometry.Positions;
import org.unknot.system.InvalidRequest;

/**
 * Turns an uploaded picture into the square JPEGs Unknot serves. The picture is decoded
 * and drawn afresh, so nothing of the upload but its pixels survives: no EXIF, no GPS
 * position, no camera serial, no comment. The phone's orientation is applied first, so
 * that a portrait photo stays upright.
 */
final class PhotoImages {

	/** Uploads above this are refused before they are decoded. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * A few kilobytes of compressed image can claim a billion pixels; this refuses them
	 * before any pixel is decoded.
	 */
	static final long MAX_PIXELS = 50_000_000L;

	private static final Set<String> ACCEPTED = Set.of("jpeg", "png", "webp");

	private static final String FIELD = "photo";

	static {
		// WebP comes from a plug-in on the class path; register it once, and read from
		// memory, never through temporary files
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	private PhotoImages() {
	}

	/** The photo in both sizes, or an {@link InvalidRequest} that says what is wrong. */
	static Resized resize(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new InvalidRequest(FIELD, "Choose a photo to upload.");
		}
		checkSize(upload.length);
		checkFormatAndSize(upload);
		try {
			return new Resized(jpeg(upload, PhotoSize.LARGE), jpeg(upload, PhotoSize.SMALL));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw unreadable();
		}
	}

	/** Refuses a file of this many bytes when it is too large to be a photo. */
	static void checkSize(long bytes) {
		if (bytes > MAX_BYTES) {
			throw new InvalidRequest(FIELD, "This file is " + megabytes(bytes) + "; a photo may be at most "
					+ megabytes(MAX_BYTES) + ". Export a smaller copy and try again.");
		}
	}

	private static void checkFormatAndSize(byte[] upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw wrongType();
			}
			ImageReader reader = readers.next();
			try {
				if (!ACCEPTED.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
					throw wrongType();
				}
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new InvalidRequest(FIELD,
							"This picture is " + reader.getWidth(0) + " × " + reader.getHeight(0)
									+ " pixels; a photo may have at most " + MAX_PIXELS / 1_000_000
									+ " million. Export a smaller copy and try again.");
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw unreadable();
		}
	}

	private static byte[] jpeg(byte[] upload, PhotoSize size) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thumbnails.of(new ByteArrayInputStream(upload))
			.size(size.pixels(), size.pixels())
			.crop(Positions.CENTER)
			.addFilter(ON_WHITE)
			.outputFormat("jpg")
			.outputQuality(0.85f)
			.toOutputStream(out);
		return out.toByteArray();
	}

	/** Transparent parts (a PNG cut-out) on white rather than on black. */
	private static final ImageFilter ON_WHITE = image -> {
		BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = flat.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return flat;
	};

	private static InvalidRequest wrongType() {
		return new InvalidRequest(FIELD, "Upload a JPEG, PNG or WebP picture; this file is none of those.");
	}

	private static InvalidRequest unreadable() {
		return new InvalidRequest(FIELD,
				"This file could not be read as a picture; it may be damaged. Try another copy of the photo.");
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/** The photo as served. */
	record Resized(byte[] large, byte[] small) {
	}

}
