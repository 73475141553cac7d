/**
 * The website's articles: Markdown with a title, summary, topics and services to book,
 * kept in the database, edited and published by admins, and rendered so that no article
 * can carry markup of its own.
 */
package org.unknot.content;
