package org.unknot.insurance;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.unknot.catalog.CareService;
import org.unknot.catalog.ServiceCategory;

/**
 * A plan and what it pays for. A rule for a service beats a rule for its category; a
 * service the plan names nowhere is not covered.
 *
 * @param memberIdLabel what the plan calls the number on the card ("Member ID", "Claim
 * number")
 * @param memberIdPattern the shape of that number, after spaces and dashes are removed
 * @param accepted whether patients can choose it now; a plan no longer accepted stays on
 * the visits booked under it
 */
public record InsurancePlan(String id, String name, PayerKind payerKind, String memberIdLabel, Pattern memberIdPattern,
		List<Rule> rules, boolean accepted) {

	/**
	 * The longest member id read, after spaces and dashes are removed; no card carries
	 * more.
	 */
	static final int MEMBER_ID_MAX = 40;

	public InsurancePlan {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(payerKind, "payerKind");
		rules = List.copyOf(rules);
	}

	/** An accepted plan. */
	public InsurancePlan(String id, String name, PayerKind payerKind, String memberIdLabel, Pattern memberIdPattern,
			List<Rule> rules) {
		this(id, name, payerKind, memberIdLabel, memberIdPattern, rules, true);
	}

	/** The rule this plan has for the whole category, if any. */
	public Optional<Rule> ruleFor(ServiceCategory category) {
		return rule(rule -> category == rule.category());
	}

	/**
	 * Whether this plan pays for the service, and why, in words a patient understands.
	 */
	public Coverage coverageOf(CareService service) {
		if (payerKind == PayerKind.MEDICARE && byMassageTherapistsOnly(service)) {
			return Coverage.notCovered("Medicare does not enrol licensed massage therapists, so massage by a "
					+ "massage therapist is self-pay.");
		}
		return rule(rule -> service.id().equals(rule.serviceId()))
			.or(() -> rule(rule -> service.category() == rule.category()))
			.map(rule -> new Coverage(rule.covered(), rule.reason()))
			.orElseGet(() -> Coverage
				.notCovered(name + " does not pay for " + service.name() + ", so this visit is self-pay."));
	}

	/**
	 * The member id as stored (upper case, without spaces or dashes), or empty if it has
	 * the wrong shape.
	 */
	public Optional<MemberId> memberId(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String normal = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (normal.isEmpty() || normal.length() > MEMBER_ID_MAX) {
			return Optional.empty();
		}
		return memberIdPattern.matcher(normal).matches() ? Optional.of(new MemberId(normal)) : Optional.empty();
	}

	private Optional<Rule> rule(java.util.function.Predicate<Rule> matching) {
		return rules.stream().filter(matching).findFirst();
	}

	private static boolean byMassageTherapistsOnly(CareService service) {
		return service.category() == ServiceCategory.MASSAGE && !service.licenceTypes().isEmpty()
				&& service.licenceTypes().stream().allMatch("LMT"::equals);
	}

	/** Covers (or not) one service, or a whole category. */
	public record Rule(ServiceCategory category, String serviceId, boolean covered, String reason) {

		public Rule {
			if ((category == null) == (serviceId == null)) {
				throw new IllegalArgumentException("A coverage rule names a service or a category");
			}
		}
	}
}
