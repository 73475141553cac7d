/**
 * The clinical record of a patient's care: the health intake taken at booking with its
 * triage of red flags, the practitioner's initial assessments and the treatment plans
 * made from them (signed, amended by version, with the visits booked for them), the
 * session records and the pain scores before and after each visit, which patients see as
 * their progress.
 */
package org.unknot.care;
