/**
 * Messages to patients that are never lost, never doubled and never late: an outbox
 * written in the same transaction as the change that causes it, sent by email (with a
 * calendar invitation) or text message by a dispatcher that any number of instances can
 * run at once.
 */
package org.unknot.notification;
