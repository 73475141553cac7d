package org.unknot.visit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.system.DomainProblem;

/**
 * The intake has red flags that stand in the way of the visit asked for: a physician
 * consultation is advised first, or (loss of bowel or bladder control) emergency care is
 * needed now and nothing is booked. Clients find the flags in {@code redFlags}.
 */
public class RedFlagsFound extends DomainProblem {

	private final Triage triage;

	private final List<RedFlag> redFlags;

	RedFlagsFound(Triage triage, List<RedFlag> redFlags, String serviceName) {
		super(Kind.INVALID, "red-flag", detail(triage, redFlags, serviceName));
		this.triage = triage;
		this.redFlags = List.copyOf(redFlags);
	}

	public Triage triage() {
		return triage;
	}

	public List<RedFlag> redFlags() {
		return redFlags;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("triage", triage.name().toLowerCase(Locale.ROOT).replace('_', '-'), "redFlags",
				redFlags.stream().map(RedFlag::name).toList());
	}

	private static String detail(Triage triage, List<RedFlag> redFlags, String serviceName) {
		String findings = String.join("; ", redFlags.stream().map(RedFlag::finding).toList());
		if (triage == Triage.EMERGENCY) {
			return "The intake names " + findings + ". Loss of bowel or bladder control needs emergency care now "
					+ "(call 911): nothing is booked.";
		}
		return "The intake names " + findings + ": a physician consultation is advised before " + serviceName
				+ ". Book a consultation instead, or have the patient told of the advice.";
	}

}
