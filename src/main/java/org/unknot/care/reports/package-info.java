/**
 * Reports on a plan of care for the people around the patient: progress reports and
 * discharge summaries that a practitioner writes, signs and downloads as PDF, shares with
 * another provider through a link that expires, and that the patient finds in the portal
 * once the plan ends.
 */
@NamedInterface("reports")
package org.unknot.care.reports;

import org.springframework.modulith.NamedInterface;
