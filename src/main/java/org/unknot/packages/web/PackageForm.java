package org.unknot.packages.web;

import java.util.List;

import org.unknot.packages.CarePackage;
import org.unknot.packages.PackageAdmin;
import org.unknot.system.Money;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** A package's terms as typed; the services are the ticked boxes. */
record PackageForm(String name, String price, List<String> services, String credits,
		String validDays) implements PageForm {

	static PackageForm fresh() {
		return new PackageForm(null, null, List.of(), null, "180");
	}

	static PackageForm of(CarePackage offered) {
		return new PackageForm(offered.name(), offered.price().amount().toPlainString(),
				List.copyOf(offered.serviceIds()), Integer.toString(offered.credits()),
				Integer.toString(offered.validDays()));
	}

	List<String> chosen() {
		return services == null ? List.of() : services;
	}

	PackageAdmin.Terms terms(FieldMessages messages) {
		Money amount = messages.parse("price", price,
				typed -> Money.parse(typed, Money.USD).orElseThrow(IllegalArgumentException::new),
				"Enter the price in dollars, e.g. 540 or 540.00.");
		return new PackageAdmin.Terms(name, amount, chosen(), messages.wholeNumber("credits", credits),
				messages.wholeNumber("validDays", validDays));
	}

}
