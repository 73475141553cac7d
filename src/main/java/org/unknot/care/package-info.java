/**
 * The clinical record of a patient's care: the health intake taken at booking with its
 * triage of red flags, the practitioner's session records and the pain scores before and
 * after each visit, which patients see as their progress.
 */
package org.unknot.care;
