package org.unknot.website.booking;

/**
 * One option of a radio group or list: the value sent, its label and a line of detail.
 */
record Choice(String value, String label, String detail) {
}
