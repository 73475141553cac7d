package org.unknot.care;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.unknot.system.InvalidRequest;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

/**
 * A plan of care made from an assessment. It changes only through its verbs: a draft is
 * revised until its practitioner signs it (active); an active plan goes under review and
 * back, and ends completed or discontinued with a reason. A change after signing is an
 * amendment: a new version, the signed one kept.
 */
public class TreatmentPlan {

	public static final int MAX_REASON = 500;

	private final UUID id;

	private final UUID assessmentId;

	private final UUID patientId;

	private final String practitionerId;

	private final String serviceId;

	private final Instant createdAt;

	private final List<PlanVersion> versions;

	private PlanStatus status;

	private Instant signedAt;

	private Instant endedAt;

	private String discontinueReason;

	private final List<Object> events = new ArrayList<>();

	TreatmentPlan(UUID id, UUID assessmentId, UUID patientId, String practitionerId, String serviceId,
			Instant createdAt, List<PlanVersion> versions, PlanStatus status, Instant signedAt, Instant endedAt,
			String discontinueReason) {
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("A plan has at least one version");
		}
		this.id = id;
		this.assessmentId = assessmentId;
		this.patientId = patientId;
		this.practitionerId = practitionerId;
		this.serviceId = serviceId;
		this.createdAt = createdAt;
		this.versions = new ArrayList<>(versions);
		this.status = status;
		this.signedAt = signedAt;
		this.endedAt = endedAt;
		this.discontinueReason = discontinueReason;
	}

	/** A new draft by the practitioner who assessed the patient. */
	public static TreatmentPlan draft(UUID assessmentId, PatientId patientId, PractitionerId practitionerId,
			ServiceId serviceId, PlanTerms terms, Instant now) {
		return new TreatmentPlan(UUID.randomUUID(), assessmentId, patientId.value(), practitionerId.value(),
				serviceId.value(), now,
				List.of(new PlanVersion(UUID.randomUUID(), 1, terms, null, practitionerId.value(), now)),
				PlanStatus.DRAFT, null, null, null);
	}

	/** Only its own practitioner signs a plan, and only once, as a draft. */
	public void sign(String by, Instant now) {
		if (!practitionerId.equals(by)) {
			throw new PlanTransitionRefused("Only the plan's own practitioner signs it.");
		}
		require(status == PlanStatus.DRAFT, "signed");
		status = PlanStatus.ACTIVE;
		signedAt = now;
		events.add(new PlanSigned(id, PatientId.of(patientId), PractitionerId.of(practitionerId), now));
	}

	/**
	 * Changes the terms: a draft in place; a signed plan by amendment, which needs a
	 * reason and keeps every earlier version.
	 */
	public void revise(PlanTerms terms, String reason, String by, Instant now) {
		if (status == PlanStatus.DRAFT) {
			PlanVersion draft = current();
			versions.set(versions.size() - 1, new PlanVersion(draft.id(), draft.number(), terms, null, by, now));
			return;
		}
		require(status.open(), "amended");
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequest("reason", "Say why the signed plan is amended.");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidRequest("reason", "Keep the reason under " + MAX_REASON + " characters.");
		}
		versions.add(new PlanVersion(UUID.randomUUID(), current().number() + 1, terms, reason.strip(), by, now));
	}

	public void startReview() {
		require(status == PlanStatus.ACTIVE, "put under review");
		status = PlanStatus.UNDER_REVIEW;
	}

	/** The review found the plan should go on as it is (or as amended). */
	public void resume() {
		require(status == PlanStatus.UNDER_REVIEW, "resumed");
		status = PlanStatus.ACTIVE;
	}

	public void complete(Instant now) {
		require(status.open(), "completed");
		status = PlanStatus.COMPLETED;
		endedAt = now;
	}

	public void discontinue(String reason, Instant now) {
		require(!status.ended(), "discontinued");
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequest("reason", "Say why the plan is discontinued.");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidRequest("reason", "Keep the reason under " + MAX_REASON + " characters.");
		}
		status = PlanStatus.DISCONTINUED;
		discontinueReason = reason.strip();
		endedAt = now;
	}

	private void require(boolean allowed, String verb) {
		if (!allowed) {
			throw new PlanTransitionRefused(verb, status);
		}
	}

	/**
	 * What happened since the plan was loaded, for its repository to publish once saved.
	 */
	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	public PlanVersion current() {
		return versions.get(versions.size() - 1);
	}

	public PlanTerms terms() {
		return current().terms();
	}

	/** Oldest first. */
	public List<PlanVersion> versions() {
		return List.copyOf(versions);
	}

	public UUID id() {
		return id;
	}

	public UUID assessmentId() {
		return assessmentId;
	}

	public UUID patientId() {
		return patientId;
	}

	public String practitionerId() {
		return practitionerId;
	}

	public String serviceId() {
		return serviceId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public PlanStatus status() {
		return status;
	}

	public Instant signedAt() {
		return signedAt;
	}

	public Instant endedAt() {
		return endedAt;
	}

	public String discontinueReason() {
		return discontinueReason;
	}

}
