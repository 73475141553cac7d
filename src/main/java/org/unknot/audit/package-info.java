/**
 * The audit trail of health information: one entry per read or change, hash-chained and
 * append-only, with a verification that names the first broken entry.
 */
package org.unknot.audit;
