/**
 * When care can be booked: every free start time of a service at a location, honouring
 * working hours, time off, closures, existing visits and holds with their buffers, rooms,
 * notice, licences and the slot grid. Daylight saving rules are documented in
 * {@link org.unknot.availability.SlotFinder}.
 */
package org.unknot.availability;
