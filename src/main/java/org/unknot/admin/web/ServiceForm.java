package org.unknot.admin.web;

import org.unknot.catalog.CareService;
import org.unknot.catalog.CatalogAdmin;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** A service's terms as typed on its page; the kind of care only when it is new. */
record ServiceForm(String category, String name, String description, String durationMinutes, String bufferBeforeMinutes,
		String bufferAfterMinutes, String priceCents, String billingCodes, String minNoticeMinutes,
		String maxAdvanceDays, String slotStepMinutes, String inPerson, String virtual, String roomKind,
		String prerequisite, String licenceTypes) implements PageForm {

	/** What a new service starts from. */
	static ServiceForm fresh() {
		return new ServiceForm(null, null, null, null, "0", "0", null, null, "120", "400", "15", "true", null, null,
				null, null);
	}

	static ServiceForm of(CareService service) {
		return new ServiceForm(null, service.name(), service.description(),
				Long.toString(service.duration().toMinutes()), Long.toString(service.bufferBefore().toMinutes()),
				Long.toString(service.bufferAfter().toMinutes()), Integer.toString(service.priceCents()),
				String.join(", ", service.billingCodes()), Long.toString(service.minimumNotice().toMinutes()),
				Integer.toString(service.maximumAdvanceDays()), Long.toString(service.slotStep().toMinutes()),
				Boolean.toString(service.inPerson()), Boolean.toString(service.virtual()),
				service.roomKind() == null ? "" : service.roomKind().name(),
				service.prerequisite() == null ? "" : service.prerequisite().name(),
				String.join(", ", service.licenceTypes().stream().sorted().toList()));
	}

	ServiceCategory chosenCategory() {
		return FieldMessages.choice(ServiceCategory.class, category);
	}

	CatalogAdmin.ServiceTerms terms(FieldMessages messages) {
		return new CatalogAdmin.ServiceTerms(name, description,
				messages.wholeNumber("durationMinutes", durationMinutes),
				messages.wholeNumber("bufferBeforeMinutes", bufferBeforeMinutes),
				messages.wholeNumber("bufferAfterMinutes", bufferAfterMinutes),
				messages.wholeNumber("priceCents", priceCents), FieldMessages.words(billingCodes, "[,\\s]+"),
				messages.wholeNumber("minNoticeMinutes", minNoticeMinutes),
				messages.wholeNumber("maxAdvanceDays", maxAdvanceDays),
				messages.wholeNumber("slotStepMinutes", slotStepMinutes), "true".equals(inPerson),
				"true".equals(virtual), FieldMessages.choice(RoomKind.class, roomKind),
				FieldMessages.choice(ServiceCategory.class, prerequisite),
				FieldMessages.words(licenceTypes, "[,\\s]+"));
	}

}
