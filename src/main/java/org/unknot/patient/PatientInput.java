package org.unknot.patient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The patient as sent in an API request (a booking, a series, joining the waitlist),
 * checked by {@link PatientDetails}' rules when bound with {@code @Valid}, so that its
 * problems come back with the request's other invalid fields, named
 * {@code patient.<field>}.
 */
@PatientInput.Checked
public record PatientInput(String givenName, String familyName, String email, String phone, LocalDate birthDate) {

	public PatientDetails details() {
		return new PatientDetails(givenName, familyName, email, phone, birthDate);
	}

	/** Every problem {@link PatientDetails#problems} finds, named by its field. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = CheckedByPatientDetails.class)
	@interface Checked {

		String message() default "The patient's details cannot be used as sent.";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	static class CheckedByPatientDetails implements ConstraintValidator<Checked, PatientInput> {

		private final Clock clock;

		CheckedByPatientDetails(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean isValid(PatientInput input, ConstraintValidatorContext context) {
			if (input == null) {
				return true;
			}
			var problems = PatientDetails.problems(input.givenName(), input.familyName(), input.email(), input.phone(),
					input.birthDate() == null ? null : input.birthDate().toString(), LocalDate.now(clock));
			if (problems.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			problems.forEach(problem -> context.buildConstraintViolationWithTemplate(escaped(problem.message()))
				.addPropertyNode(problem.field())
				.addConstraintViolation());
			return false;
		}

		/** The messages are plain words, not templates. */
		private static String escaped(String message) {
			return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}

	}

}
