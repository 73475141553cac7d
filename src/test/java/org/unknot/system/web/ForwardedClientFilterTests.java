package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ForwardedClientFilterTests {

	private final ForwardedClientFilter filter = new ForwardedClientFilter(
			new TrustedProxies(List.of("127.0.0.1/8", "::1", "10.0.0.0/24")));

	@Nested
	class FromAnUntrustedAddress {

		@Test
		void ignoresASpoofedXForwardedFor() throws Exception {
			MockHttpServletRequest request = from("203.0.113.7");
			request.addHeader("X-Forwarded-For", "198.51.100.1");

			assertThat(seen(request).getRemoteAddr()).isEqualTo("203.0.113.7");
		}

		@Test
		void ignoresASpoofedForwardedAndScheme() throws Exception {
			MockHttpServletRequest request = from("10.0.1.5");
			request.addHeader("Forwarded", "for=198.51.100.1;proto=https");

			ServletRequest seen = seen(request);

			assertThat(seen.getRemoteAddr()).as("10.0.1.5 is private but not a configured proxy").isEqualTo("10.0.1.5");
			assertThat(seen.isSecure()).isFalse();
		}

	}

	@Nested
	class FromATrustedProxy {

		@Test
		void honoursXForwardedFor() throws Exception {
			MockHttpServletRequest request = from("10.0.0.2");
			request.addHeader("X-Forwarded-For", "198.51.100.1");
			request.addHeader("X-Forwarded-Proto", "https");

			ServletRequest seen = seen(request);

			assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.1");
			assertThat(seen.isSecure()).isTrue();
		}

		@Test
		void takesTheFirstUntrustedHopFromTheRightNotWhatTheClientWroteBeforeIt() throws Exception {
			MockHttpServletRequest request = from("10.0.0.2");
			// the client wrote 192.0.2.66 itself; the balancer appended the address it
			// saw, and an inner proxy (127.0.0.1) appended the balancer's
			request.addHeader("X-Forwarded-For", "192.0.2.66, 198.51.100.1, 127.0.0.1");

			assertThat(seen(request).getRemoteAddr()).isEqualTo("198.51.100.1");
		}

		@Test
		void honoursForwardedWithPortsAndIpv6() throws Exception {
			MockHttpServletRequest request = from("::1");
			request.addHeader("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https, for=10.0.0.3:80");

			assertThat(seen(request).getRemoteAddr()).isEqualTo("2001:db8::17");
		}

		@Test
		void stopsAtAHopThatIsNotAnAddress() throws Exception {
			MockHttpServletRequest request = from("10.0.0.2");
			request.addHeader("X-Forwarded-For", "198.51.100.1, evil.example, 10.0.0.9");

			assertThat(seen(request).getRemoteAddr()).isEqualTo("10.0.0.9");
		}

	}

	@Test
	void refusesATrustedProxyThatIsNotAnAddressOrRange() {
		assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/99")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sign-in");
		request.setRemoteAddr(address);
		return request;
	}

	private ServletRequest seen(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest();
	}

}
