/**
 * Who receives care: until accounts exist, a patient is known by email and birth date.
 */
package org.unknot.patient;
