package org.unknot.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.FlowClient;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * Admins give a practitioner a photo; Unknot keeps only square JPEGs it drew itself (no
 * metadata from the upload), serves them with caching headers, and shows them with the
 * practitioner's name, role and short biography where patients choose whom to see.
 */
@UnknotIntegrationTest
class PractitionerPhotoTests {

	/** A GPS position a phone would write into the photo's EXIF block. */
	static final String SECRET_PLACE = "GPS 40.8259 N 74.2090 W";

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	MockMvc mvc;

	TestNetwork network;

	String therapist;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
		therapist = network.therapist();
		jdbc.sql("UPDATE practitioner SET given_name = 'Ines', family_name = ?, bio = ? WHERE id = ?")
			.params("Photo-" + therapist, "Ines eases stiff necks with slow, careful work.", therapist)
			.update();
	}

	@Nested
	class WhenAnAdminUploads {

		@Test
		void aPhotoIsCroppedToSquaresAndLosesItsMetadata() throws Exception {
			byte[] upload = withExif(jpeg(800, 500), SECRET_PLACE);
			assertThat(new String(upload, StandardCharsets.ISO_8859_1)).as("the upload carries EXIF")
				.contains("Exif")
				.contains(SECRET_PLACE);

			MockHttpServletResponse saved = upload(upload, "image/jpeg");

			assertThat(saved.getStatus()).isEqualTo(302);
			byte[] large = served("/practitioners/" + therapist + "/photo.jpg");
			byte[] small = served("/practitioners/" + therapist + "/photo-small.jpg");
			assertThat(dimensions(large)).containsExactly(400, 400);
			assertThat(dimensions(small)).containsExactly(160, 160);
			for (byte[] jpeg : List.of(large, small)) {
				assertThat(markers(jpeg)).as("no APP1 (EXIF, XMP) segment").doesNotContain(0xE1);
				assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
					.doesNotContain(SECRET_PLACE);
			}
		}

		@Test
		void aPhotoTakenWithThePhoneTurnedStaysUpright() throws Exception {
			BufferedImage landscape = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = landscape.createGraphics();
			g.setColor(Color.RED);
			g.fillRect(0, 0, 200, 200);
			g.setColor(Color.BLUE);
			g.fillRect(200, 0, 200, 200);
			g.dispose();

			upload(withOrientation(encode(landscape, "jpeg"), 6), "image/jpeg");

			BufferedImage served = ImageIO
				.read(new ByteArrayInputStream(served("/practitioners/" + therapist + "/photo.jpg")));
			assertThat(new Color(served.getRGB(350, 30)).getRed()).as("the left side turned to the top")
				.isGreaterThan(200);
			assertThat(new Color(served.getRGB(50, 370)).getBlue()).as("the right side turned to the bottom")
				.isGreaterThan(200);
		}

		@Test
		void aTransparentPngIsPutOnWhite() throws Exception {
			BufferedImage cutOut = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
			Graphics2D g = cutOut.createGraphics();
			g.setColor(Color.BLUE);
			g.fillOval(100, 100, 100, 100);
			g.dispose();

			assertThat(upload(encode(cutOut, "png"), "image/png").getStatus()).isEqualTo(302);

			BufferedImage served = ImageIO
				.read(new ByteArrayInputStream(served("/practitioners/" + therapist + "/photo.jpg")));
			Color corner = new Color(served.getRGB(2, 2));
			assertThat(corner.getRed() + corner.getGreen() + corner.getBlue()).isGreaterThan(3 * 240);
		}

		@Test
		void aWebpPictureIsAccepted() throws Exception {
			// a 1×1 lossless WebP
			byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

			assertThat(upload(webp, "image/webp").getStatus()).isEqualTo(302);
			assertThat(dimensions(served("/practitioners/" + therapist + "/photo-small.jpg"))).containsExactly(160,
					160);
		}

		@Test
		void aFileThatIsNoPictureIsRefusedBesideTheField() throws Exception {
			MockHttpServletResponse refused = upload("not a picture".getBytes(StandardCharsets.UTF_8), "image/jpeg");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"photo-error\"")
				.contains("Upload a JPEG, PNG or WebP picture");
			assertThat(photoStatus()).isEqualTo(404);
		}

		@Test
		void aGifIsRefused() throws Exception {
			MockHttpServletResponse refused = upload(
					encode(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "gif"), "image/gif");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Upload a JPEG, PNG or WebP picture");
		}

		@Test
		void aFileOverTheLimitIsRefusedWithItsSize() throws Exception {
			byte[] huge = new byte[5 * 1024 * 1024 + 200_000];
			byte[] real = jpeg(100, 100);
			System.arraycopy(real, 0, huge, 0, real.length);

			MockHttpServletResponse refused = upload(huge, "image/jpeg");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("This file is 5.2 MB; a photo may be at most 5.0 MB.");
		}

		@Test
		void aPictureClaimingTooManyPixelsIsRefusedBeforeItIsDecoded() throws Exception {
			byte[] png = encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
			// the IHDR chunk's width (bytes 16..19) now says 100,000 pixels
			png[16] = 0;
			png[17] = 1;
			png[18] = (byte) 0x86;
			png[19] = (byte) 0xA0;
			png[20] = 0;
			png[21] = 0;
			png[22] = 0x03;
			png[23] = (byte) 0xE8;

			MockHttpServletResponse refused = upload(png, "image/png");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("100000 × 1000 pixels");
		}

		@Test
		void noFileAsksForOne() throws Exception {
			MockHttpServletResponse refused = upload(new byte[0], "application/octet-stream");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Choose a photo to upload.");
		}

		@Test
		void aRemovedPhotoGivesWayToThePlaceholder() throws Exception {
			upload(jpeg(300, 300), "image/jpeg");
			assertThat(photoStatus()).isEqualTo(200);

			MockHttpServletResponse removed = mvc
				.perform(
						post("/admin/practitioners/{id}/photo/remove", therapist).with(csrf()).with(SignedInAs.admin()))
				.andReturn()
				.getResponse();

			assertThat(removed.getStatus()).isEqualTo(302);
			assertThat(photoStatus()).isEqualTo(404);
			assertThat(page("/practitioners/" + therapist)).contains("/images/practitioner-placeholder.svg");
		}

	}

	@Test
	void theFrontDeskCannotUploadOrRemove() throws Exception {
		String clinic = network.clinic(1, 0, 0);
		MockHttpServletResponse upload = mvc
			.perform(multipart("/admin/practitioners/{id}/photo", therapist)
				.file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", jpeg(100, 100)))
				.with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse remove = mvc
			.perform(post("/admin/practitioners/{id}/photo/remove", therapist).with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();

		assertThat(upload.getStatus()).isEqualTo(403);
		assertThat(remove.getStatus()).isEqualTo(403);
		assertThat(photoStatus()).isEqualTo(404);
	}

	@Test
	void thePhotoIsPublicAndCachedUntilItChanges() throws Exception {
		upload(jpeg(400, 400), "image/jpeg");

		MockHttpServletResponse first = mvc.perform(get("/practitioners/{id}/photo.jpg", therapist))
			.andReturn()
			.getResponse();
		String etag = first.getHeader("ETag");
		MockHttpServletResponse again = mvc
			.perform(get("/practitioners/{id}/photo.jpg", therapist).header("If-None-Match", etag))
			.andReturn()
			.getResponse();

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentType()).isEqualTo("image/jpeg");
		assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=86400, public");
		assertThat(first.getHeader("Pragma")).isNull();
		assertThat(etag).isNotBlank();
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsByteArray()).isEmpty();

		upload(jpeg(500, 400), "image/jpeg");
		assertThat(mvc.perform(get("/practitioners/{id}/photo.jpg", therapist).header("If-None-Match", etag))
			.andReturn()
			.getResponse()
			.getStatus()).as("a new photo has a new ETag").isEqualTo(200);
	}

	@Test
	void withoutAPhotoTheAddressIsNotFoundAndPagesShowThePlaceholder() throws Exception {
		assertThat(photoStatus()).isEqualTo(404);
		assertThat(
				mvc.perform(get("/practitioners/nobody-at-all/photo-small.jpg")).andReturn().getResponse().getStatus())
			.isEqualTo(404);

		assertThat(page("/practitioners/" + therapist))
			.contains("<img src=\"/images/practitioner-placeholder.svg\" alt=\"\"");
		assertThat(mvc.perform(get("/images/practitioner-placeholder.svg")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theDirectoryTheProfileAndTheBookingStepShowThePhotoWithNameRoleAndBio() throws Exception {
		String clinic = network.clinic(1, 0, 0);
		network.weekdays(therapist, clinic);
		upload(jpeg(600, 600), "image/jpeg");
		String alt = "alt=\"Ines Photo-" + therapist + ", licensed massage therapist\"";
		String bio = "Ines eases stiff necks with slow, careful work.";

		assertThat(page("/practitioners")).contains("src=\"/practitioners/" + therapist + "/photo-small.jpg?v=")
			.contains(alt)
			.contains(bio);
		assertThat(page("/practitioners/" + therapist)).contains("src=\"/practitioners/" + therapist + "/photo.jpg?v=")
			.contains(alt)
			.contains(bio);

		FlowClient patient = new FlowClient(port);
		String draft = patient.post("/book", Map.of("service", TestNetwork.MASSAGE)).draftId();
		patient.post("/book/" + draft + "/where", Map.of("location", clinic));
		String who = patient.get("/book/" + draft + "/who").body();
		assertThat(who).contains("src=\"/practitioners/" + therapist + "/photo-small.jpg?v=")
			.contains(alt)
			.contains(bio);
	}

	@Test
	void aBiographyOverTheLimitIsRefusedKeepingWhatWasTyped() throws Exception {
		String tooLong = "Calm hands. ".repeat(50);

		MockHttpServletResponse refused = mvc
			.perform(post("/admin/practitioners/{id}/profile", therapist).with(csrf())
				.with(SignedInAs.admin())
				.param("credentials", "LMT")
				.param("bio", tooLong)
				.param("serviceIds", TestNetwork.MASSAGE)
				.param("active", "true"))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"bio-error\"")
			.contains("Keep the biography to 500 characters, a few sentences; this one has 599.")
			.contains(tooLong.strip());
	}

	MockHttpServletResponse upload(byte[] bytes, String contentType) throws Exception {
		return mvc
			.perform(multipart("/admin/practitioners/{id}/photo", therapist)
				.file(new MockMultipartFile("photo", "photo", contentType, bytes))
				.with(csrf())
				.with(SignedInAs.admin()))
			.andReturn()
			.getResponse();
	}

	byte[] served(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	int photoStatus() throws Exception {
		return mvc.perform(get("/practitioners/{id}/photo.jpg", therapist)).andReturn().getResponse().getStatus();
	}

	String page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1d5c63));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(0xf6efe4));
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return encode(image, "jpeg");
	}

	static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	/**
	 * The JPEG with an EXIF block (APP1) after its JFIF header, holding one ASCII
	 * ImageDescription tag, as a camera or a phone would write it.
	 */
	static byte[] withExif(byte[] jpeg, String text) {
		byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream entry = new ByteArrayOutputStream();
		entry.writeBytes(new byte[] { 0x01, 0x0E, 0, 2 }); // ImageDescription, ASCII
		entry.writeBytes(int32(ascii.length));
		entry.writeBytes(int32(8 + 2 + 12 + 4)); // the text follows the IFD
		return withApp1(jpeg, entry.toByteArray(), ascii);
	}

	/**
	 * The JPEG with an EXIF Orientation tag (6: the camera was turned a quarter right).
	 */
	static byte[] withOrientation(byte[] jpeg, int orientation) {
		byte[] entry = { 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0 }; // SHORT,
																						// one
		return withApp1(jpeg, entry, new byte[0]);
	}

	/** An APP1 block with a big-endian TIFF header and one IFD of one entry. */
	static byte[] withApp1(byte[] jpeg, byte[] entry, byte[] data) {
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		tiff.writeBytes(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8 });
		tiff.writeBytes(new byte[] { 0, 1 }); // one entry
		tiff.writeBytes(entry);
		tiff.writeBytes(int32(0)); // no next IFD
		tiff.writeBytes(data);
		byte[] payload = tiff.toByteArray();
		ByteArrayOutputStream app1 = new ByteArrayOutputStream();
		int length = 2 + 6 + payload.length;
		app1.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		app1.writeBytes(payload);

		int afterJfif = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, afterJfif);
		out.writeBytes(app1.toByteArray());
		out.write(jpeg, afterJfif, jpeg.length - afterJfif);
		return out.toByteArray();
	}

	static byte[] int32(int value) {
		return new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value };
	}

	/** The markers of the JPEG's segments up to the image data. */
	static List<Integer> markers(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
		}
		return markers;
	}

	static int[] dimensions(byte[] image) throws IOException {
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
		return new int[] { read.getWidth(), read.getHeight() };
	}

}
