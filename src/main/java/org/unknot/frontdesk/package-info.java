/**
 * The staff workspace: each clinic's day and week with practitioners as columns, the
 * verbs of the front desk (book for a caller, move, cancel, arrival, check-in, no-show,
 * blocked time), a practitioner's own day, and patient records opened only by those who
 * treat the patient, or with a stated reason that is audited and flagged.
 */
package org.unknot.frontdesk;
