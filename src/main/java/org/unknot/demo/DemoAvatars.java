package org.unknot.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.unknot.practitioner.PractitionerId;
import org.unknot.practitioner.PractitionerPhotos;

/**
 * Pictures for the demo's massage and physical therapists: abstract shapes drawn at load
 * time (no person, real or generated), each from a generator seeded by the practitioner's
 * id, so the same practitioner always gets the same picture. They go through the same
 * upload path as an admin's photo. The physicians and psychologists keep the placeholder,
 * so that the demo shows both.
 */
final class DemoAvatars {

	private static final int SIZE = 480;

	private static final List<Color> PALETTE = List.of(new Color(0x1d5c63), new Color(0x2f6b3b), new Color(0x8a5a44),
			new Color(0x4a5d8c), new Color(0x7a4f78), new Color(0xb07d2b), new Color(0x3f7f8c));

	private DemoAvatars() {
	}

	static void write(PractitionerPhotos photos) {
		DemoPractitioners.PEOPLE.stream()
			.filter(person -> person.profession().equals("LMT") || person.profession().equals("PT"))
			.forEach(person -> photos.replace(PractitionerId.of(person.id()),
					png(draw(new Random(person.id().hashCode())))));
	}

	private static BufferedImage draw(Random random) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			Color base = PALETTE.get(random.nextInt(PALETTE.size()));
			g.setPaint(new GradientPaint(0, 0, base.brighter(), SIZE, SIZE, base.darker()));
			g.fillRect(0, 0, SIZE, SIZE);
			int shapes = 4 + random.nextInt(4);
			for (int i = 0; i < shapes; i++) {
				Color tint = PALETTE.get(random.nextInt(PALETTE.size()));
				g.setColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 90 + random.nextInt(90)));
				int diameter = SIZE / 4 + random.nextInt(SIZE / 2);
				int x = random.nextInt(SIZE) - diameter / 2;
				int y = random.nextInt(SIZE) - diameter / 2;
				if (random.nextBoolean()) {
					g.fillOval(x, y, diameter, diameter);
				}
				else {
					g.fillRoundRect(x, y, diameter, diameter / 2, diameter / 3, diameter / 3);
				}
			}
			g.setColor(new Color(255, 255, 255, 120));
			g.setStroke(new BasicStroke(SIZE / 40f));
			int ring = SIZE / 2;
			g.drawOval(SIZE / 4, SIZE / 4, ring, ring);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
