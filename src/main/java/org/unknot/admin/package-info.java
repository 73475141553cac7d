/**
 * Administration: staff accounts and roles, practitioners with their licences, services
 * and working hours, licence expiry warnings, and the audit views (who opened a patient's
 * record, break-glass).
 */
package org.unknot.admin;
