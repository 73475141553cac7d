package org.unknot.system.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The load balancers and proxies whose {@code Forwarded} and {@code X-Forwarded-*}
 * headers are believed ({@code unknot.web.trusted-proxies}: addresses or CIDR ranges;
 * loopback only unless configured). Anyone else could write those headers too, and would
 * then choose the address that sign-in throttling and the audit trail see.
 */
@ConfigurationProperties("unknot.web")
public record TrustedProxies(@DefaultValue( {
		"127.0.0.1/8", "::1" }) List<String> trustedProxies){

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	public TrustedProxies {
		trustedProxies = List.copyOf(trustedProxies);
		trustedProxies.forEach(IpAddressMatcher::new);
	}

	/** Whether {@code address} is one of the trusted proxies. */
	public boolean trust(String address) {
		return isAddress(address)
				&& trustedProxies.stream().anyMatch(proxy -> new IpAddressMatcher(proxy).matches(address));
	}

	/** An IPv4 or IPv6 literal (never a name: matching one would look it up). */
	static boolean isAddress(String value) {
		return value != null && !value.isEmpty() && IP_ADDRESS.matcher(value).matches();
	}

}
