package org.unknot;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc over the whole started application, behind its Spring Security filter chain as
 * in production.
 */
public final class SecuredMockMvc {

	private SecuredMockMvc() {
	}

	public static MockMvc of(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
	}

}
