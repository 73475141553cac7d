/**
 * Packages of visits paid for ahead ("6 x 60-minute massage"): what admins put on sale,
 * who bought one and how it was paid, and the ledger of credits that a booking spends and
 * a cancellation within policy gives back.
 */
package org.unknot.packages;
