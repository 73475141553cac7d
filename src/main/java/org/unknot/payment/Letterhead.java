package org.unknot.payment;

import java.util.List;
import java.util.Objects;

/** Who issues a receipt or statement: the clinic's name, address and phone. */
public record Letterhead(String name, List<String> address, String phone) {

	public Letterhead {
		Objects.requireNonNull(name, "name");
		address = List.copyOf(address);
	}

}
