package org.unknot.demo;

import java.util.List;

import org.unknot.account.AccountDesk;
import org.unknot.account.AccountDesk.NewAccount;
import org.unknot.account.Role;

/**
 * Staff accounts of the demo, listed in the README so a newcomer can sign in to each
 * workspace. Each enrols its authenticator app at the first sign-in, as real staff do.
 */
final class DemoAccounts {

	/** The password of every demo account; only ever loaded into a demo network. */
	static final String PASSWORD = "unknot demo password";

	static final List<NewAccount> ACCOUNTS = List.of(
			new NewAccount("admin@unknot.example", "Avery Admin", Role.ADMIN, List.of(), null, null, PASSWORD),
			new NewAccount("frontdesk@unknot.example", "Frankie Desk", Role.FRONT_DESK,
					List.of(DemoClinics.MONTCLAIR, "hoboken"), null, null, PASSWORD),
			new NewAccount("dr.mehta@unknot.example", "Dr. Anjali Mehta", Role.PRACTITIONER, List.of(), "anjali-mehta",
					null, PASSWORD),
			new NewAccount("ana.ribeiro@unknot.example", "Ana Ribeiro", Role.PRACTITIONER, List.of(), "ana-ribeiro",
					null, PASSWORD));

	private DemoAccounts() {
	}

	static void write(AccountDesk desk) {
		ACCOUNTS.forEach(desk::create);
	}

}
