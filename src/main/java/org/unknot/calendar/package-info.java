/**
 * iCalendar (RFC 5545/5546) for visits: invitations and cancellations a patient's
 * calendar app understands, and private feeds for practitioners, with no health details
 * in what they show.
 */
package org.unknot.calendar;
