package org.unknot.admin.web;

import java.time.LocalDate;

import org.unknot.catalog.CatalogAdmin;
import org.unknot.catalog.RoomKind;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** The forms of a clinic's pages. */
final class ClinicForms {

	private ClinicForms() {
	}

	/** A clinic's details as typed, for a new clinic or an existing one. */
	record Details(String name, String street, String city, String state, String postalCode, String phone, String taxId,
			String zone, String latitude, String longitude) implements PageForm {

		static Details fresh() {
			return new Details(null, null, null, "NJ", null, null, null, "America/New_York", null, null);
		}

		CatalogAdmin.ClinicDetails details() {
			return new CatalogAdmin.ClinicDetails(name, street, city, state, postalCode, phone, taxId, zone, latitude,
					longitude);
		}

	}

	/** Days a clinic is closed. */
	record Closure(String first, String last, String reason) implements PageForm {

		LocalDate firstDay(FieldMessages messages) {
			return messages.parse("first", first, LocalDate::parse, "Enter a date like 2027-07-05.");
		}

		LocalDate lastDay(FieldMessages messages) {
			return messages.parse("last", last, LocalDate::parse, "Enter a date like 2027-07-05.");
		}

	}

	/** A room added to a clinic. */
	record Room(String roomName, String kind) implements PageForm {

		RoomKind roomKind() {
			return FieldMessages.choice(RoomKind.class, kind);
		}

	}

}
