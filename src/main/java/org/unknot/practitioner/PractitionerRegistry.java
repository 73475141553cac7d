package org.unknot.practitioner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.InvalidRequest;
import org.unknot.system.ReadableIds;
import org.unknot.system.Text;

/**
 * Admins add practitioners, keep their profile and licences up to date and choose the
 * services they offer. The availability engine sees every change from its next request
 * (reference data is versioned by the database). Hours and time off:
 * {@link PractitionerSchedule}.
 */
@Service
public class PractitionerRegistry {

	/**
	 * A biography is a few sentences beside a photo, read on the directory, the profile
	 * and the booking step.
	 */
	public static final int BIO_LIMIT = 500;

	private final JdbcClient jdbc;

	private final Practitioners practitioners;

	PractitionerRegistry(JdbcClient jdbc, Practitioners practitioners) {
		this.jdbc = jdbc;
		this.practitioners = practitioners;
	}

	public record NewPractitioner(String givenName, String familyName, Profession profession, String credentials,
			String npi, String bio, List<String> specialties, List<String> languages, List<String> serviceIds,
			String licenceType, String licenceNumber, String licenceState, LocalDate licenceIssued,
			LocalDate licenceExpires) {
	}

	@Transactional
	public String create(NewPractitioner request) {
		List<FieldProblem> problems = new ArrayList<>();
		require(request.givenName(), "givenName", "Enter the first name.", problems);
		require(request.familyName(), "familyName", "Enter the last name.", problems);
		if (request.profession() == null) {
			problems.add(new FieldProblem("profession", "Choose the profession."));
		}
		require(request.credentials(), "credentials", "Enter the credentials shown after the name, e.g. LMT or MD.",
				problems);
		if (request.npi() != null && !request.npi().isBlank() && !Npi.valid(request.npi().strip())) {
			problems.add(new FieldProblem("npi", "An NPI has 10 digits and a valid check digit."));
		}
		licenceProblems(request.licenceType(), request.licenceNumber(), request.licenceState(), request.licenceIssued(),
				request.licenceExpires(), problems);
		bioProblems(request.bio(), problems);
		serviceProblems(request.serviceIds(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The practitioner cannot be added as entered.", problems);
		}
		String id = freeId(request.givenName(), request.familyName());
		jdbc.sql("""
				INSERT INTO practitioner (id, given_name, family_name, profession, credentials, npi, bio, specialties,
				    languages)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, request.givenName().strip(), request.familyName().strip(), request.profession().name(),
					request.credentials().strip(), Text.blankToNull(request.npi()),
					request.bio() == null ? "" : request.bio().strip(), request.specialties().toArray(String[]::new),
					request.languages().toArray(String[]::new))
			.update();
		insertLicence(id, request.licenceType(), request.licenceNumber(), request.licenceState(),
				request.licenceIssued(), request.licenceExpires());
		offer(id, request.serviceIds());
		return id;
	}

	/**
	 * What an admin may change about a practitioner after adding them; name and
	 * profession stay.
	 */
	public record Profile(String credentials, String npi, String taxonomyCode, String bio, List<String> specialties,
			List<String> languages, List<String> serviceIds, boolean active) {
	}

	/**
	 * Changes the profile. An inactive practitioner is offered for nothing from the next
	 * availability request on; visits already booked stay booked.
	 */
	@Transactional
	public void updateProfile(PractitionerId practitionerId, Profile profile) {
		practitioners.get("practitioner", practitionerId);
		List<FieldProblem> problems = new ArrayList<>();
		require(profile.credentials(), "credentials", "Enter the credentials shown after the name, e.g. LMT or MD.",
				problems);
		if (profile.npi() != null && !profile.npi().isBlank() && !Npi.valid(profile.npi().strip())) {
			problems.add(new FieldProblem("npi", "An NPI has 10 digits and a valid check digit."));
		}
		if (!TaxonomyCode.validOrBlank(profile.taxonomyCode())) {
			problems.add(new FieldProblem("taxonomyCode", TaxonomyCode.RULE));
		}
		bioProblems(profile.bio(), problems);
		serviceProblems(profile.serviceIds(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The profile cannot be saved as entered.", problems);
		}
		jdbc.sql(
				"""
						UPDATE practitioner SET credentials = ?, npi = ?, taxonomy_code = ?, bio = ?, specialties = ?, languages = ?, active = ?
						WHERE id = ?""")
			.params(profile.credentials().strip(), Text.blankToNull(profile.npi()),
					TaxonomyCode.normalized(profile.taxonomyCode()), profile.bio() == null ? "" : profile.bio().strip(),
					profile.specialties().toArray(String[]::new), profile.languages().toArray(String[]::new),
					profile.active(), practitionerId.value())
			.update();
		jdbc.sql("DELETE FROM practitioner_service WHERE practitioner_id = ?").param(practitionerId.value()).update();
		offer(practitionerId.value(), profile.serviceIds());
	}

	/** A licence as stored, with the id its renewal names. */
	public record LicenceEntry(long id, Licence licence) {
	}

	public List<LicenceEntry> licences(PractitionerId practitionerId) {
		return jdbc.sql("SELECT * FROM practitioner_licence WHERE practitioner_id = ? ORDER BY expires_on DESC, id")
			.param(practitionerId.value())
			.query((rs, n) -> new LicenceEntry(rs.getLong("id"),
					new Licence(rs.getString("type"), rs.getString("number"), rs.getString("state"),
							rs.getObject("issued_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class))))
			.list();
	}

	/** Records another licence (a second state, a new type). */
	@Transactional
	public void addLicence(PractitionerId practitionerId, String type, String number, String state, LocalDate issued,
			LocalDate expires) {
		practitioners.get("practitioner", practitionerId);
		List<FieldProblem> problems = new ArrayList<>();
		licenceProblems(type, number, state, issued, expires, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The licence cannot be added as entered.", problems);
		}
		insertLicence(practitionerId.value(), type, number, state, issued, expires);
	}

	/**
	 * Records a renewal: the same licence, valid from {@code issued} until
	 * {@code expires}. The practitioner is offered on the days the licence now covers
	 * from the next availability request on.
	 */
	@Transactional
	public void renewLicence(PractitionerId practitionerId, long licenceId, LocalDate issued, LocalDate expires) {
		LicenceEntry current = licences(practitionerId).stream()
			.filter(entry -> entry.id() == licenceId)
			.findFirst()
			.orElseThrow(() -> new org.unknot.system.NotFound("licence", "licence", Long.toString(licenceId)));
		List<FieldProblem> problems = new ArrayList<>();
		if (issued == null) {
			problems.add(new FieldProblem("renewIssued", "Enter the date the renewal was issued."));
		}
		if (expires == null) {
			problems.add(new FieldProblem("renewExpires", "Enter the new expiry date."));
		}
		else if (issued != null && expires.isBefore(issued)) {
			problems.add(new FieldProblem("renewExpires", "The licence cannot expire before it was issued."));
		}
		else if (!expires.isAfter(current.licence().expiresOn())) {
			problems.add(new FieldProblem("renewExpires",
					"A renewal expires after the current expiry, " + current.licence().expiresOn() + "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The renewal cannot be recorded as entered.", problems);
		}
		jdbc.sql("UPDATE practitioner_licence SET issued_on = LEAST(issued_on, ?), expires_on = ? WHERE id = ?")
			.params(issued, expires, licenceId)
			.update();
	}

	private void insertLicence(String practitionerId, String type, String number, String state, LocalDate issued,
			LocalDate expires) {
		jdbc.sql("""
				INSERT INTO practitioner_licence (practitioner_id, type, number, state, issued_on, expires_on)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(practitionerId, type.strip(), number.strip(), state.strip().toUpperCase(Locale.ROOT), issued,
					expires)
			.update();
	}

	private void licenceProblems(String type, String number, String state, LocalDate issued, LocalDate expires,
			List<FieldProblem> problems) {
		require(type, "licenceType", "Enter the licence type, e.g. LMT.", problems);
		require(number, "licenceNumber", "Enter the licence number.", problems);
		boolean stateValid = state != null && state.strip().matches("[A-Za-z]{2}");
		if (!stateValid) {
			problems.add(new FieldProblem("licenceState", "Enter the two-letter state, e.g. NJ."));
		}
		if (issued == null) {
			problems.add(new FieldProblem("licenceIssued", "Enter the date the licence was issued."));
		}
		if (expires == null) {
			problems.add(new FieldProblem("licenceExpires", "Enter the date the licence expires."));
		}
		else if (issued != null && expires.isBefore(issued)) {
			problems.add(new FieldProblem("licenceExpires", "The licence cannot expire before it was issued."));
		}
		if (type != null && !type.isBlank() && number != null && !number.isBlank() && stateValid && jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM practitioner_licence WHERE type = ? AND state = ? AND number = ?)")
			.params(type.strip(), state.strip().toUpperCase(Locale.ROOT), number.strip())
			.query(Boolean.class)
			.single()) {
			problems.add(new FieldProblem("licenceNumber",
					"This licence is on record already; to record a renewal, change its expiry instead."));
		}
	}

	private static void bioProblems(String bio, List<FieldProblem> problems) {
		int length = bio == null ? 0 : bio.strip().codePointCount(0, bio.strip().length());
		if (length > BIO_LIMIT) {
			problems.add(new FieldProblem("bio", "Keep the biography to " + BIO_LIMIT
					+ " characters, a few sentences; this one has " + length + "."));
		}
	}

	private void serviceProblems(List<String> serviceIds, List<FieldProblem> problems) {
		List<String> unknownServices = serviceIds.stream()
			.filter(id -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_service WHERE id = ?)")
				.param(id)
				.query(Boolean.class)
				.single())
			.toList();
		if (!unknownServices.isEmpty()) {
			problems.add(new FieldProblem("serviceIds", "Unknown services: " + String.join(", ", unknownServices)));
		}
	}

	private void offer(String practitionerId, List<String> serviceIds) {
		for (String serviceId : serviceIds.stream().distinct().toList()) {
			jdbc.sql("INSERT INTO practitioner_service (practitioner_id, service_id) VALUES (?, ?)")
				.params(practitionerId, serviceId)
				.update();
		}
	}

	private String freeId(String given, String family) {
		return ReadableIds.freeFrom(given + "-" + family, "practitioner", Integer.MAX_VALUE,
				id -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM practitioner WHERE id = ?)")
					.param(id)
					.query(Boolean.class)
					.single());
	}

	private static void require(String value, String field, String message, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, message));
		}
	}

}
