/**
 * Booking a visit as one capability for every entry point (website, API, front desk,
 * waitlist, demo): the slot, the patient, who pays and the health intake with its triage,
 * recorded together with the visit or not at all.
 */
package org.unknot.visit;
