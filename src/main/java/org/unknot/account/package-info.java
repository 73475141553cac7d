/**
 * Accounts and signing in: staff (admin, front desk, practitioner) with a password and a
 * mandatory TOTP second factor, patients; throttled guessing that cannot lock the real
 * user out; answers that never reveal whether an account exists.
 */
package org.unknot.account;
