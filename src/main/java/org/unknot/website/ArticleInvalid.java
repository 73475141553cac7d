package org.unknot.website;

/** An article file cannot be published as it is: its front matter misses or garbles a field. */
public class ArticleInvalid extends IllegalStateException {

	public ArticleInvalid(String file, String problem) {
		super("Article " + file + ": " + problem);
	}
}
