package org.unknot.account.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unknot.account.SignedIn;

/**
 * Where signed-in staff land: their workspace. (Patients land in the portal, module
 * portal.)
 */
@Controller
class WorkspaceController {

	@GetMapping("/staff")
	String staff(@AuthenticationPrincipal SignedIn signedIn, Model model) {
		model.addAttribute("me", signedIn);
		return "account/staff-home";
	}

}
