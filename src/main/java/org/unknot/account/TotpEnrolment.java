package org.unknot.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * What a staff member scans to enrol: the {@code otpauth://} address of their secret and
 * the same as a QR code drawn in SVG (served by Unknot itself, no image service), plus
 * the secret to type by hand.
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrSvg) {

	static TotpEnrolment of(String secret, String accountEmail, String issuer) {
		String label = URLEncoder.encode(issuer + ":" + accountEmail, StandardCharsets.UTF_8).replace("+", "%20");
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&algorithm=SHA1&digits="
				+ Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new TotpEnrolment(secret, uri, svg(uri));
	}

	/** The secret in groups of four, easier to type into an app. */
	public String secretForTyping() {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	private static String svg(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			int size = matrix.getWidth();
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < size; x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + matrix.getHeight()
					+ "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\" role=\"img\" "
					+ "aria-label=\"QR code of your sign-in secret\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
					+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalStateException("Cannot draw the QR code", e);
		}
	}
}
