package org.unknot.website;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.impl.TargetClosedError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Browser tests in Debian's Chromium, driven by Playwright. Add
 * {@code @ExtendWith(BrowserSupport.class)} to an {@code @UnknotIntegrationTest} and take
 * a {@link Visitor} parameter:
 *
 * <pre>
 * Page page = visitor.open("/articles/neck-pain", Visitor.JS_OFF);
 * visitor.check(page, "article-js-off");   // screenshot + axe (WCAG 2.2 AA), fails on any violation
 * </pre>
 *
 * One Chromium serves every test class of the run. Each test gets fresh browser contexts,
 * closed after it. Every request that does not go to a loopback address is aborted and
 * fails the test. Without {@code /usr/bin/chromium} (property
 * {@code unknot.browser.executable}) the tests are skipped with a loud message, except
 * under {@code CI=true}, where they fail.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

	private static final Logger log = LoggerFactory.getLogger(BrowserSupport.class);

	static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Path executable = executable();
		if (!Files.isExecutable(executable)) {
			String message = "BROWSER TESTS NOT RUN: no Chromium at " + executable
					+ ". Install it (apt-get install -y chromium) or set -Dunknot.browser.executable=...";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI=true: a missing browser fails the build)");
			}
			log.warn("\n\n*** {} ***\n", message);
			Assumptions.abort(message);
		}
		context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent(SharedBrowser.class, k -> new SharedBrowser(executable), SharedBrowser.class);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Visitor.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		SharedBrowser shared = context.getRoot().getStore(NAMESPACE).get(SharedBrowser.class, SharedBrowser.class);
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		Visitor visitor = new Visitor(shared.browser, "http://localhost:" + port,
				context.getRequiredTestClass().getSimpleName());
		context.getStore(NAMESPACE).put(Visitor.class, visitor);
		return visitor;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Visitor visitor = context.getStore(NAMESPACE).remove(Visitor.class, Visitor.class);
		if (visitor != null) {
			visitor.close();
			visitor.assertNoThirdPartyRequests();
		}
	}

	static Path executable() {
		return Paths.get(System.getProperty("unknot.browser.executable", "/usr/bin/chromium"));
	}

	static Path screenshots() {
		return Paths.get(System.getProperty("unknot.browser.screenshots", "target/screenshots"));
	}

	/**
	 * True for localhost and loopback addresses, the only places a page may fetch from.
	 */
	static boolean isLoopback(String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme();
		if ("data".equals(scheme) || "blob".equals(scheme) || "about".equals(scheme)) {
			return true;
		}
		String host = uri.getHost();
		return host != null
				&& (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
	}

	private static final class SharedBrowser implements AutoCloseable {

		private final Playwright playwright;

		private final Browser browser;

		SharedBrowser(Path executable) {
			playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
					.setHeadless(true)
					.setArgs(CHROMIUM_FLAGS));
		}

		@Override
		public void close() {
			browser.close();
			playwright.close();
		}

	}

	/**
	 * A patient at a browser: opens pages with JavaScript on or off, at a given width.
	 */
	public static final class Visitor {

		public static final boolean JS_ON = true;

		public static final boolean JS_OFF = false;

		private final Browser browser;

		private final String baseUrl;

		private final String testClass;

		private final List<BrowserContext> contexts = new ArrayList<>();

		private final List<String> blocked = Collections.synchronizedList(new ArrayList<>());

		private final Map<Page, Integer> withoutJavaScript = new IdentityHashMap<>();

		Visitor(Browser browser, String baseUrl, String testClass) {
			this.browser = browser;
			this.baseUrl = baseUrl;
			this.testClass = testClass;
		}

		public String baseUrl() {
			return baseUrl;
		}

		/** A new page in a fresh context, 1280 px wide. */
		public Page page(boolean javascript) {
			return page(javascript, 1280);
		}

		/**
		 * A new page in a fresh context (no cookies shared with other pages), this many
		 * CSS pixels wide.
		 */
		public Page page(boolean javascript, int width) {
			BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javascript)
				.setViewportSize(width, 900)
				.setLocale("en-US")
				.setTimezoneId("America/New_York"));
			context.route("**/*", route -> {
				String url = route.request().url();
				if (isLoopback(url)) {
					route.resume();
				}
				else {
					blocked.add(url);
					route.abort("blockedbyclient");
				}
			});
			// long enough for a full-page screenshot on a busy build machine (10 s was
			// seen to run out once, on a page late in a test that checks every page type)
			context.setDefaultTimeout(30_000);
			contexts.add(context);
			Page page = context.newPage();
			if (!javascript) {
				withoutJavaScript.put(page, width);
			}
			return page;
		}

		/** Opens a path of the application under test in a new page. */
		public Page open(String path, boolean javascript) {
			return open(path, javascript, 1280);
		}

		public Page open(String path, boolean javascript, int width) {
			Page page = page(javascript, width);
			page.navigate(baseUrl + path);
			return page;
		}

		/**
		 * A full-page screenshot under
		 * {@code <build dir>/screenshots/<test class>/<name>.png}.
		 */
		public Path screenshot(Page page, String name) {
			Path file = screenshots().resolve(testClass).resolve(name + ".png");
			page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
			return file;
		}

		/**
		 * Fails with every WCAG 2.2 AA violation axe-core finds on the page as it is now.
		 */
		public void assertAccessible(Page page) {
			AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
			List<Rule> violations = results.getViolations();
			if (!violations.isEmpty()) {
				fail("axe-core found " + violations.size() + " WCAG 2.2 AA violation(s) on " + page.url() + ":\n"
						+ violations.stream().map(Visitor::describe).collect(Collectors.joining("\n")));
			}
		}

		/**
		 * Screenshot, then accessibility check. axe runs as JavaScript: for a page opened
		 * with JavaScript off, the HTML it shows is scanned in a page with JavaScript on
		 * at the same width and origin (so the stylesheet applies and contrast is
		 * measured as shown).
		 */
		public void check(Page page, String name) {
			screenshot(page, name);
			Integer width = withoutJavaScript.get(page);
			if (width == null) {
				assertAccessible(page);
				return;
			}
			Page probe = page(true, width);
			try {
				probe.navigate(baseUrl + "/robots.txt");
				probe.setContent(page.content());
				assertAccessible(probe);
			}
			finally {
				// a test that checks many pages does not keep a browser context per page
				contexts.remove(probe.context());
				close(probe.context());
			}
		}

		/**
		 * Every request a page tried to make to another host; the test fails after it if
		 * any.
		 */
		public List<String> blockedRequests() {
			synchronized (blocked) {
				return List.copyOf(blocked);
			}
		}

		void assertNoThirdPartyRequests() {
			List<String> tried = blockedRequests();
			if (!tried.isEmpty()) {
				fail("Pages tried to reach other hosts (only loopback is allowed): " + tried);
			}
		}

		void close() {
			contexts.forEach(Visitor::close);
			contexts.clear();
		}

		/**
		 * Closes a context. A request a page still had under way (htmx polling, say) may
		 * reach the route handler while the context closes, and Playwright then reports
		 * the context closed while closing it: that is what was asked for.
		 */
		private static void close(BrowserContext context) {
			try {
				context.close();
			}
			catch (TargetClosedError alreadyClosed) {
				// closed, as intended
			}
		}

		private static String describe(Rule rule) {
			String nodes = rule.getNodes()
				.stream()
				.limit(5)
				.map(node -> "      " + node.getTarget() + "  " + node.getHtml())
				.collect(Collectors.joining("\n"));
			return "  - " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + nodes;
		}

	}

}
