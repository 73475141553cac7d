/**
 * Outcome measures: the built-in pain NRS, PSFS and PGIC and the instruments a clinic
 * adds under its own licence, when a plan takes them, the questionnaires sent before a
 * visit, the answers with their scores, and progress judged against meaningful change.
 */
@NamedInterface("measures")
package org.unknot.care.measures;

import org.springframework.modulith.NamedInterface;
