/**
 * Holding, booking, moving and cancelling visits, one at a time or as a weekly series.
 * The database guarantees that no practitioner, room or patient is ever booked twice at
 * once.
 */
package org.unknot.booking;
