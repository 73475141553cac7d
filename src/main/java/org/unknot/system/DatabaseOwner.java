package org.unknot.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The role that owns Unknot's tables on an external database and runs its migrations
 * ({@code unknot.db.owner.user}, {@code unknot.db.owner.password}; env
 * {@code UNKNOT_DB_OWNER_USER}, {@code UNKNOT_DB_OWNER_PASSWORD}). Unset, the migrations
 * run as {@code unknot.db.user}, which then owns the tables and could rewrite the audit
 * trail: Unknot refuses to start that way.
 */
@ConfigurationProperties("unknot.db.owner")
public record DatabaseOwner(String user, String password) {

	boolean configured() {
		return user != null && !user.isBlank();
	}
}
