package org.unknot.content;

/**
 * An article file cannot be loaded as it is: its front matter misses or garbles a field.
 */
class ArticleInvalid extends IllegalStateException {

	ArticleInvalid(String file, String problem) {
		super("Article " + file + ": " + problem);
	}

}
