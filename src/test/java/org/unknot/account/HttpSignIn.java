package org.unknot.account;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;

/**
 * For tests over real HTTP: a browser without JavaScript signed in as an account, second
 * factor enrolled if needed.
 */
public final class HttpSignIn {

	private static final Pattern KEY = Pattern.compile("Key: <code>([A-Z2-7 ]+)</code>");

	/** The second factor each account enrolled here, for signing it in again. */
	private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

	private HttpSignIn() {
	}

	public static FlowClient as(int port, Account account, String password) {
		FlowClient browser = new FlowClient(port);
		browser.get("/sign-in");
		Page answer = browser.post("/sign-in", Map.of("email", account.email(), "password", password));
		if ("/sign-in/enrol".equals(answer.location())) {
			Matcher key = KEY.matcher(browser.get("/sign-in/enrol").body());
			if (!key.find()) {
				throw new AssertionError("The enrolment page shows no key");
			}
			String secret = key.group(1).replace(" ", "");
			answer = browser.post("/sign-in/enrol", Map.of("code", Totp.code(secret, Instant.now())));
			SECRETS.put(account.email(), secret);
		}
		else if ("/sign-in/code".equals(answer.location()) && SECRETS.containsKey(account.email())) {
			// the enrolment's code may not be used twice: the next step's code is
			// accepted too
			browser.get("/sign-in/code");
			answer = browser.post("/sign-in/code",
					Map.of("code", Totp.code(SECRETS.get(account.email()), Instant.now().plusSeconds(30))));
		}
		if (answer.status() != 302 && answer.status() != 303 || answer.location().startsWith("/sign-in")) {
			throw new AssertionError("Not signed in as " + account.role() + ": " + answer);
		}
		browser.follow(answer); // the token of the forms changes with the sign-in
		return browser;
	}

}
