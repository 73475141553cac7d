package org.unknot.booking;

/** A new booking and the secret that manages it, shown to the patient once. */
public record Booked(Appointment appointment, String manageToken) {
}
