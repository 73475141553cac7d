package org.unknot.admin.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.Accounts;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Text;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.patient.PatientId;

/**
 * Staff accounts: who may sign in, in which role and for which clinics; disabling ends
 * their sessions.
 */
@Controller
class AccountAdminController {

	private final Accounts accounts;

	private final AccountDesk desk;

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final Appointments appointments;

	private final java.time.Clock clock;

	private final FormChange forms;

	private final CatalogProperties catalog;

	AccountAdminController(Accounts accounts, AccountDesk desk, Clinics clinics, Practitioners practitioners,
			Appointments appointments, java.time.Clock clock, FormChange forms, CatalogProperties catalog) {
		this.forms = forms;
		this.catalog = catalog;
		this.appointments = appointments;
		this.clock = clock;
		this.accounts = accounts;
		this.desk = desk;
		this.clinics = clinics;
		this.practitioners = practitioners;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		return page(model, Map.of(), Map.of());
	}

	@PostMapping("/admin/accounts")
	String create(@ModelAttribute NewAccountForm form, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		return forms.attempt(messages -> {
			desk.create(form.account(messages));
			return "/admin/accounts";
		}, "Account created for " + form.email() + ".", redirect, response,
				errors -> page(model, form.typed(), errors));
	}

	@PostMapping("/admin/accounts/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		desk.disable(id);
		redirect.addFlashAttribute("message", "Account disabled; its sessions have ended.");
		return "redirect:/admin/accounts";
	}

	/**
	 * For a staff member who lost their password: a new one, to be given to them in
	 * person.
	 */
	@PostMapping("/admin/accounts/{id}/password")
	String setPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
			RedirectAttributes redirect) {
		try {
			desk.changePassword(id, password);
			redirect.addFlashAttribute("message", "New password set; the account's sessions have ended.");
		}
		catch (InvalidRequest invalid) {
			redirect.addFlashAttribute("problem", invalid.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	/** Another role or other clinics for a staff member; their sessions end. */
	@PostMapping("/admin/accounts/{id}/access")
	String changeAccess(@PathVariable UUID id, @RequestParam(defaultValue = "") String role,
			@RequestParam(required = false) List<String> clinicIds,
			@RequestParam(required = false) String practitionerId, RedirectAttributes redirect) {
		try {
			desk.changeAccess(id, parseRole(role), clinicIds == null ? List.of() : clinicIds,
					Text.blankToNull(practitionerId));
			redirect.addFlashAttribute("message", "Access changed; the account's sessions have ended.");
		}
		catch (InvalidRequest invalid) {
			redirect.addFlashAttribute("problem", invalid.getMessage() + " "
					+ String.join(" ", invalid.errors().stream().map(InvalidRequest.FieldProblem::message).toList()));
		}
		return "redirect:/admin/accounts";
	}

	/** Carries out a patient's request to close their account (records of care stay). */
	@PostMapping("/admin/accounts/{id}/close")
	String close(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		try {
			desk.close(id, me, request.getRemoteAddr());
			redirect.addFlashAttribute("message",
					"Account closed: it can no longer sign in. The records of care stay.");
		}
		catch (InvalidRequest invalid) {
			redirect.addFlashAttribute("problem", invalid.getMessage());
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		desk.enable(id);
		redirect.addFlashAttribute("message", "Account enabled.");
		return "redirect:/admin/accounts";
	}

	private String page(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("accounts", accounts.staff());
		java.time.Instant now = clock.instant();
		model.addAttribute("closures", accounts.closureRequested()
			.stream()
			.map(request -> new ClosureRequest(request.account(),
					Times.dateTime(request.askedAt(), catalog.virtualZone()), upcomingVisits(request.account(), now)))
			.toList());
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::staff).toList());
		model.addAttribute("clinics", clinics.all());
		model.addAttribute("practitioners", practitioners.all());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/accounts";
	}

	private long upcomingVisits(Account account, java.time.Instant now) {
		return account.patientId() == null ? 0
				: appointments.ofPatient(PatientId.of(account.patientId()))
					.stream()
					.filter(visit -> visit.status() == AppointmentStatus.BOOKED && visit.start().isAfter(now))
					.count();
	}

	/**
	 * A patient's request to close their account, when it was made (in words, in the
	 * network's zone), with the visits still booked (to call about first).
	 */
	record ClosureRequest(Account account, String askedOn, long upcomingVisits) {
	}

	private static Role parseRole(String role) {
		try {
			return role == null ? null : Role.valueOf(role);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
