/**
 * The short health intake a patient fills in when booking (where it hurts, how much, how
 * long, likely causes, red flags) and the triage rule that keeps a patient with red flags
 * from being booked for massage alone without being told to see a physician.
 */
package org.unknot.intake;
