package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.web.Choice;
import org.unknot.account.SignedIn;
import org.unknot.booking.Booked;
import org.unknot.booking.SeriesConflicts;
import org.unknot.booking.SeriesOutcome;
import org.unknot.care.PlanProgress;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.patient.Patients;
import org.unknot.system.DomainProblem;
import org.unknot.system.Times;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.visit.BookedBy;
import org.unknot.visit.PlanBooking;

/**
 * "Book this plan" for staff: the visits still to book, booked at once from a first time
 * at the plan's frequency, with other times offered for each clash and one visit booked
 * at an offered time.
 */
@Controller
class PlanBookingController {

	private final TreatmentPlans plans;

	private final StaffPlans staffPlans;

	private final Patients patients;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	private final PlanBooking booking;

	private final FormChange forms;

	private final Clock clock;

	PlanBookingController(TreatmentPlans plans, StaffPlans staffPlans, Patients patients, Clinics clinics,
			CatalogProperties catalog, PlanBooking booking, FormChange forms, Clock clock) {
		this.plans = plans;
		this.staffPlans = staffPlans;
		this.patients = patients;
		this.clinics = clinics;
		this.catalog = catalog;
		this.booking = booking;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/staff/plans/{id}/book")
	String bookForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		PlanProgress progress = plans.progress(plan);
		String clinic = progress.visits()
			.stream()
			.map(visit -> visit.location().clinicIdOrNull())
			.filter(Objects::nonNull)
			.reduce((first, second) -> second)
			.orElse("");
		LocalDate start = plan.terms().startDate().isBefore(LocalDate.now(clock.withZone(catalog.virtualZone())))
				? LocalDate.now(clock.withZone(catalog.virtualZone())).plusDays(1) : plan.terms().startDate();
		return bookPage(plan, progress, new BookForm(clinic, start.toString(), "10:00"), Map.of(), null, model);
	}

	@PostMapping("/staff/plans/{id}/book")
	String book(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute BookForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		try {
			return forms.render(messages -> {
				LocationId location = location(form.location(), messages);
				Instant first = form.start(location == null ? null : clinics.zoneOf(location), messages);
				if (!messages.isEmpty()) {
					return null;
				}
				SeriesOutcome outcome = booking.bookCourse(id, location, first,
						BookedBy.staff(me.accountId(), me.role().name()));
				if (outcome.conflicts().isEmpty()) {
					redirect.addFlashAttribute("message", outcome.booked().size() + " visits booked for this plan.");
					return "redirect:/staff/plans/" + id;
				}
				return bookPage(plan, plans.progress(plan), form, Map.of(), outcome, model);
			}, response, errors -> bookPage(plan, plans.progress(plan), form, errors, null, model));
		}
		catch (SeriesConflicts conflicts) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", conflicts.getMessage());
			return bookPage(plan, plans.progress(plan), form, Map.of(), conflicts.outcome(), model);
		}
	}

	/** One visit of the plan at an offered time. */
	@PostMapping("/staff/plans/{id}/book-one")
	String bookOne(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @RequestParam String location,
			@RequestParam String start, HttpServletRequest request, RedirectAttributes redirect) {
		staffPlans.viewed(me, id, request);
		try {
			LocationId where = LocationId.of(location);
			Booked booked = booking.bookOne(id, where, Instant.parse(start),
					BookedBy.staff(me.accountId(), me.role().name()));
			redirect.addFlashAttribute("message", "Booked: "
					+ Times.dateTime(booked.appointment().start(), clinics.zoneOf(booked.appointment().location()))
					+ ".");
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
			redirect.addFlashAttribute("problem", "That time could not be read; choose one of the times offered.");
		}
		return "redirect:/staff/plans/" + id + "/book";
	}

	/** A time offered instead of a clash, in words, with what to post to take it. */
	record Offer(String words, String location, String start) {
	}

	record ConflictRow(int occurrence, String wanted, String detail, List<Offer> offers) {
	}

	private String bookPage(TreatmentPlan plan, PlanProgress progress, BookForm form, Map<String, String> errors,
			SeriesOutcome outcome, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("patient", patients.get(plan.patientId()));
		model.addAttribute("service", staffPlans.serviceName(plan.serviceId()));
		model.addAttribute("practitioner", staffPlans.practitionerName(plan.practitionerId()));
		model.addAttribute("progress", progress);
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		model.addAttribute("clinicOptions",
				clinics.all().stream().map(clinic -> new Choice(clinic.id(), clinic.name())).toList());
		if (outcome != null) {
			model.addAttribute("booked",
					outcome.booked()
						.stream()
						.map(booked -> Times.dateTime(booked.appointment().start(),
								clinics.zoneOf(booked.appointment().location())))
						.toList());
			model.addAttribute("conflicts", outcome.conflicts()
				.stream()
				.map(conflict -> new ConflictRow(conflict.occurrence(),
						Times.dateTime(
								conflict.start().toInstant(), clinics.zoneOf(LocationId.ofClinic(form.location()))),
						clashInWords(conflict),
						conflict.alternatives()
							.stream()
							.map(slot -> new Offer(
									Times.dateTime(slot.start().toInstant(), clinics.zoneOf(slot.location())),
									slot.location().value(), slot.start().toInstant().toString()))
							.toList()))
				.toList());
		}
		return "staff/plan-book";
	}

	/** Why a time clashed, without the raw instant the booking rules name. */
	private static String clashInWords(SeriesOutcome.Conflict conflict) {
		if ("patient-busy".equals(conflict.reason())) {
			return "The patient has another visit then.";
		}
		String detail = conflict.detail() == null ? "" : conflict.detail();
		int colon = detail.lastIndexOf(": ");
		String why = colon < 0 ? "That time is not free." : detail.substring(colon + 2);
		return Character.toUpperCase(why.charAt(0)) + why.substring(1);
	}

	private LocationId location(String clinicId, FieldMessages messages) {
		if (clinicId == null || clinics.find(clinicId).isEmpty()) {
			messages.add("location", "Choose the clinic where the visits take place.");
			return null;
		}
		return LocationId.ofClinic(clinicId);
	}

	/** Where and when the first visit still to book is. */
	record BookForm(String location, String date, String time) implements PageForm {

		Instant start(ZoneId zone, FieldMessages messages) {
			LocalDate day = messages.parse("date", date, LocalDate::parse, "Enter a date like 2027-03-15.");
			LocalTime at = messages.parse("time", time, LocalTime::parse, "Enter a time like 10:00.");
			return day == null || at == null || zone == null ? null : day.atTime(at).atZone(zone).toInstant();
		}

	}

}
