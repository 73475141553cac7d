package org.unknot.booking;

import java.util.Arrays;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.unknot.system.Causes;

/**
 * Which database guarantee refused a write: the exclusion constraints of the appointment
 * table.
 */
enum Clash {

	PRACTITIONER("appointment_practitioner_overlap"), ROOM("appointment_room_overlap"),
	PATIENT("appointment_patient_overlap");

	private final String constraint;

	Clash(String constraint) {
		this.constraint = constraint;
	}

	static Optional<Clash> of(DataIntegrityViolationException e) {
		return Causes.find(e, PSQLException.class, psql -> psql.getServerErrorMessage() != null)
			.map(psql -> psql.getServerErrorMessage().getConstraint())
			.flatMap(name -> Arrays.stream(values()).filter(clash -> clash.constraint.equals(name)).findFirst());
	}

	/**
	 * Thrown inside a savepoint so the caller can try another room or give a precise
	 * answer.
	 */
	static final class Refused extends RuntimeException {

		private final Clash clash;

		Refused(Clash clash, DataIntegrityViolationException cause) {
			super("Refused by " + clash.constraint, cause);
			this.clash = clash;
		}

		Clash clash() {
			return clash;
		}

	}

}
