/**
 * Video visits: each gets an unguessable join link, which leads to its meeting room only
 * from a little before the visit until its end.
 */
package org.unknot.video;
