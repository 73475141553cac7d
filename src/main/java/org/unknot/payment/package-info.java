/**
 * Paying for care: what each service asks to be paid and when, the money ledger of
 * charges, payments, refunds and waivers, fees for late cancellations and no-shows, and
 * the provider that takes the money (Stripe, or the front desk at the clinic).
 */
package org.unknot.payment;
