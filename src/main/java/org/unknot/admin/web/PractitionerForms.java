package org.unknot.admin.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerRegistry;
import org.unknot.practitioner.Profession;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** The forms of the practitioner pages, each as typed. */
final class PractitionerForms {

	private PractitionerForms() {
	}

	/** A new practitioner with their first licence and the services they offer. */
	record NewPractitioner(String givenName, String familyName, String profession, String credentials, String npi,
			String bio, String specialties, String languages, List<String> serviceIds, String licenceType,
			String licenceNumber, String licenceState, String licenceIssued,
			String licenceExpires) implements PageForm {

		static NewPractitioner blank() {
			return new NewPractitioner(null, null, null, null, null, null, null, null, List.of(), null, null, null,
					null, null);
		}

		List<String> chosen() {
			return serviceIds == null ? List.of() : serviceIds;
		}

		PractitionerRegistry.NewPractitioner practitioner(FieldMessages messages) {
			Profession chosenProfession = messages.parse("profession", profession, Profession::valueOf,
					"Choose the profession.");
			LocalDate issued = messages.parse("licenceIssued", licenceIssued, LocalDate::parse,
					"Enter a date like 2024-01-31.");
			LocalDate expires = messages.parse("licenceExpires", licenceExpires, LocalDate::parse,
					"Enter a date like 2027-01-31.");
			return new PractitionerRegistry.NewPractitioner(givenName, familyName, chosenProfession, credentials, npi,
					bio, words(specialties), words(languages), chosen(), licenceType, licenceNumber, licenceState,
					issued, expires);
		}

	}

	/** What patients read about a practitioner and what they offer. */
	record Profile(String credentials, String npi, String taxonomyCode, String bio, String specialties,
			String languages, String active, List<String> serviceIds) implements PageForm {

		static Profile of(Practitioner practitioner) {
			return new Profile(practitioner.credentials(), practitioner.npi() == null ? "" : practitioner.npi(),
					practitioner.taxonomyCode() == null ? "" : practitioner.taxonomyCode(), practitioner.bio(),
					String.join(", ", practitioner.specialties()), String.join(", ", practitioner.languages()),
					Boolean.toString(practitioner.active()), List.copyOf(practitioner.serviceIds()));
		}

		List<String> chosen() {
			return serviceIds == null ? List.of() : serviceIds;
		}

		PractitionerRegistry.Profile profile() {
			return new PractitionerRegistry.Profile(credentials, npi, taxonomyCode, bio, words(specialties),
					words(languages), chosen(), "true".equals(active));
		}

	}

	/** Another licence. */
	record Licence(String licenceType, String licenceNumber, String licenceState, String licenceIssued,
			String licenceExpires) implements PageForm {

		LocalDate issued(FieldMessages messages) {
			return date(messages, "licenceIssued", licenceIssued);
		}

		LocalDate expires(FieldMessages messages) {
			return date(messages, "licenceExpires", licenceExpires);
		}

	}

	/** A licence renewed. */
	record Renewal(String renewIssued, String renewExpires) implements PageForm {

		LocalDate issued(FieldMessages messages) {
			return date(messages, "renewIssued", renewIssued);
		}

		LocalDate expires(FieldMessages messages) {
			return date(messages, "renewExpires", renewExpires);
		}

		Map<String, String> typedFor(long licenceId) {
			Map<String, String> typed = typed();
			typed.put("licence", Long.toString(licenceId));
			return typed;
		}

	}

	/**
	 * Weekly hours at a clinic or by video ("virtual"), from one day and until another if
	 * given.
	 */
	record Hours(String location, String weekday, String start, String end, String from,
			String to) implements PageForm {

		/** The clinic the hours are at, or null for video visits. */
		String clinicId() {
			return "virtual".equals(location) ? null : location;
		}

		DayOfWeek day(FieldMessages messages) {
			return messages.parse("weekday", weekday, DayOfWeek::valueOf, "Choose the weekday.");
		}

		LocalTime startTime(FieldMessages messages) {
			return messages.parse("start", start, LocalTime::parse, "Enter a time like 09:00.");
		}

		LocalTime endTime(FieldMessages messages) {
			return messages.parse("end", end, LocalTime::parse, "Enter a time like 17:00.");
		}

		LocalDate firstDay(FieldMessages messages) {
			return date(messages, "from", from);
		}

		LocalDate lastDay(FieldMessages messages) {
			return messages.parseUnlessBlank("to", to, LocalDate::parse, DATE);
		}

	}

	/** The last day of weekly hours. */
	record StopHours(String lastDay) implements PageForm {

		LocalDate day(FieldMessages messages) {
			return date(messages, "lastDay", lastDay);
		}

		Map<String, String> typedFor(long ruleId) {
			Map<String, String> typed = typed();
			typed.put("rule", Long.toString(ruleId));
			return typed;
		}

	}

	/** Time off, in the clinic's own zone. */
	record TimeOff(String offFrom, String offTo, String offReason) implements PageForm {

		LocalDateTime from(FieldMessages messages) {
			return messages.parse("offFrom", offFrom, LocalDateTime::parse,
					"Enter the first moment off, like 2027-03-15T09:00.");
		}

		LocalDateTime to(FieldMessages messages) {
			return messages.parse("offTo", offTo, LocalDateTime::parse,
					"Enter the moment work resumes, like 2027-03-19T17:00.");
		}

	}

	private static final String DATE = "Enter a date like 2027-01-31.";

	private static LocalDate date(FieldMessages messages, String field, String text) {
		return messages.parse(field, text, LocalDate::parse, DATE);
	}

	private static List<String> words(String text) {
		return FieldMessages.words(text, ",");
	}

}
