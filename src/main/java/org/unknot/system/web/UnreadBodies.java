package org.unknot.system.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A body the application decided not to wait for (refused, or too slow) is not read
 * either by Tomcat after the answer: by default Tomcat drains up to
 * {@code server.tomcat.max-swallow-size} of an unread body to keep the connection, which
 * for a client sending a byte every few seconds would hold the thread for hours. The
 * answer is sent whole and the connection then closed.
 */
@Configuration(proxyBeanMethods = false)
class UnreadBodies {

	private static final String ABANDONED = UnreadBodies.class.getName() + ".abandoned";

	/** Marks the request's body as not to be read any further. */
	static void abandon(HttpServletRequest request) {
		request.setAttribute(ABANDONED, Boolean.TRUE);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesAreNotDrained() {
		return factory -> factory.addContextCustomizers(context -> context.getPipeline().addValve(new NoDraining()));
	}

	static final class NoDraining extends ValveBase {

		NoDraining() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			try {
				getNext().invoke(request, response);
			}
			finally {
				if (request.getAttribute(ABANDONED) != null) {
					request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
				}
			}
		}

	}

}
