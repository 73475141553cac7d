/**
 * A fictional clinic network in New Jersey (clinics, the full service catalog,
 * practitioners and their hours), loaded into an empty database so that Unknot can be
 * tried the moment it starts.
 */
package org.unknot.demo;
