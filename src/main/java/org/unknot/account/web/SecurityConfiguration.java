package org.unknot.account.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.unknot.account.AccountProperties;
import org.unknot.account.OffSiteForms;

/**
 * Who may reach what, checked on the server for every request: the public site, the
 * booking flow and the public API are open; the staff workspace, the admin pages and the
 * patient portal need a full sign-in (for staff, password and TOTP) in the right role.
 * Every state change outside the token-free public API needs a CSRF token; headers forbid
 * framing, sniffing, inline script and style, and forms sent elsewhere than this site
 * (bar the pages that lead to a payment provider), and ask browsers for HTTPS only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The JSON API the website and other software use without a session: no cookie, so no
	 * CSRF.
	 */
	/**
	 * Spring Session's cookie: the session itself lives in PostgreSQL, for every node.
	 */
	static final String SESSION_COOKIE = "SESSION";

	static final RequestMatcher PUBLIC_API = request -> path(request).startsWith("/api/")
			&& !path(request).startsWith("/api/v1/staff/");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountProperties properties, Clock clock,
			ObjectProvider<OffSiteForms> offSiteForms) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/staff/**", "/api/v1/staff/**")
			.hasAnyRole("ADMIN", "FRONT_DESK", "PRACTITIONER")
			.requestMatchers("/account/**")
			.hasRole("PATIENT")
			.anyRequest()
			.permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers(PUBLIC_API))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.securityContext(context -> context.securityContextRepository(securityContextRepository()))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(errors -> errors.accessDeniedHandler(new StaleFormHandler())
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						request -> path(request).startsWith("/api/"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/sign-in"),
						AnyRequestMatcher.INSTANCE))
			.logout(logout -> logout.logoutUrl("/sign-out")
				.logoutSuccessUrl("/sign-in?signed-out")
				.invalidateHttpSession(true)
				.deleteCookies(SESSION_COOKIE))
			.headers(
					headers -> headers.addHeaderWriter(new ContentSecurityPolicy(offSiteForms.orderedStream().toList()))
						.frameOptions(frame -> frame.deny())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
						.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
							.maxAgeInSeconds(31_536_000)
							.requestMatcher(AnyRequestMatcher.INSTANCE)))
			.addFilterAfter(new SessionLifetimeFilter(properties.absoluteSessionLifetime(), clock),
					SecurityContextHolderFilter.class);
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
