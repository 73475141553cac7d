package org.unknot.patient;

import java.time.LocalDate;
import java.util.UUID;

public record Patient(UUID id, String givenName, String familyName, String email, String phone, LocalDate birthDate) {
}
