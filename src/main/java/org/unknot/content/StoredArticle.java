package org.unknot.content;

import java.time.Instant;

/**
 * An article as admins see it: with its id, whether it is on the site, and when it last
 * changed.
 */
public record StoredArticle(long id, Article article, boolean published, Instant updatedAt) {
}
