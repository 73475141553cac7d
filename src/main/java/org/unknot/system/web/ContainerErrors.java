package org.unknot.system.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Requests that Tomcat itself refuses before the application sees them (a request line or
 * headers over the size limit, an encoded NUL or slash in the path) are answered like
 * every other refusal: an RFC 9457 problem for API clients, a short plain page for
 * browsers. Neither shows the server's name or version.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	/**
	 * Runs after Spring Boot's own Tomcat set-up, which installs a plain error report
	 * valve.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
		return factory -> factory.addContextCustomizers(context -> {
			var pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemReportValve());
			if (context.getParent() instanceof StandardHost host) {
				// else the host adds Tomcat's own report valve when it starts, and that
				// one answers first
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	public static final class ProblemReportValve extends ErrorReportValve {

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable failure) {
			if (wantsHtml(request)) {
				super.report(request, response, failure);
				return;
			}
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String body = "{\"type\":\"" + ProblemAnswers.type(status < 500 ? "malformed-request" : "server-error")
					+ "\",\"title\":\"" + reason(status) + "\",\"status\":" + status + ",\"detail\":\""
					+ (status < 500 ? "The request could not be read: its address, headers or size are not acceptable."
							: "Something went wrong on our side; nothing was changed by it.")
					+ "\"}";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the connection is gone or the answer already started: nothing more can
				// be said
			}
		}

		private static boolean wantsHtml(Request request) {
			String accept = request.getHeader("Accept");
			String uri = request.getDecodedRequestURI();
			boolean api = uri != null && uri.startsWith("/api/");
			return !api && accept != null && accept.contains("text/html");
		}

		private static String reason(int status) {
			return switch (status) {
				case 400 -> "Bad Request";
				case 404 -> "Not Found";
				case 408 -> "Request Timeout";
				case 413 -> "Content Too Large";
				case 414 -> "URI Too Long";
				case 431 -> "Request Header Fields Too Large";
				case 505 -> "HTTP Version Not Supported";
				default -> status < 500 ? "Bad Request" : "Internal Server Error";
			};
		}

	}

}
