/**
 * The waitlist: patients ask for a service in a window of days and times; when a matching
 * time frees up, it is offered to them one by one in the order they asked, each offer
 * holding the time briefly.
 */
package org.unknot.waitlist;
