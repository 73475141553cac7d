package org.unknot.payment;

/**
 * A charge to a card on file or a refund was decided, in the transaction that decided it;
 * the provider is asked once that has committed.
 */
public record ProviderAttemptStarted(String key) {
}
