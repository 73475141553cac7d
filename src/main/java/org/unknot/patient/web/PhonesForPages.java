package org.unknot.patient.web;

import org.springframework.stereotype.Component;
import org.unknot.patient.PhoneNumber;

/**
 * {@link PhoneNumber} for templates: {@code ${@phones.readable(patient.phone())}} reads
 * "(973) 555-0142" where the number is kept as +19735550142.
 */
@Component("phones")
public class PhonesForPages {

	public String readable(String stored) {
		return PhoneNumber.readable(stored);
	}

}
