/**
 * The insurance plans the network accepts, whether a plan pays for a service, and which
 * plan (or self-pay) a patient chose for a visit.
 */
package org.unknot.insurance;
