package org.unknot.account.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.unknot.account.SignedIn;

/**
 * Tells every page who is signed in (or nobody), so the layout's header shows the
 * navigation of that role: staff see only the pages their role may open.
 */
@ControllerAdvice
class SignedInPages {

	@ModelAttribute("signedIn")
	SignedIn signedIn(@AuthenticationPrincipal SignedIn signedIn) {
		return signedIn;
	}

}
