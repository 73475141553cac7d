/**
 * What the clinic network offers and where: care services, clinics, their rooms and
 * closures.
 */
package org.unknot.catalog;
