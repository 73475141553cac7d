/**
 * The public website: server-rendered pages about conditions, services, practitioners and
 * clinics, each leading to "Book an appointment"; htmx only enhances, every page works
 * without JavaScript.
 */
package org.unknot.website;
