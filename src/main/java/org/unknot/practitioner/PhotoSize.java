package org.unknot.practitioner;

/** The two sizes a practitioner's photo is kept in, square, in pixels. */
public enum PhotoSize {

	/** The profile page. */
	LARGE(400),
	/** Directory cards and the booking step that picks a practitioner. */
	SMALL(160);

	private final int pixels;

	PhotoSize(int pixels) {
		this.pixels = pixels;
	}

	public int pixels() {
		return pixels;
	}

}
