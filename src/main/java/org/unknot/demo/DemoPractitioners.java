package org.unknot.demo;

import static org.unknot.demo.DemoCatalog.massage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sixteen invented practitioners: massage therapists, physical therapists, pain
 * physicians and psychologists. Their NPIs are made up but pass the NPI check digit.
 * Licence dates are relative to the day the demo is loaded, so that it always shows one
 * licence about to expire (Grace Min's) and one that has expired (Owen Hart's: he keeps
 * his hours, but availability never offers him).
 */
final class DemoPractitioners {

	static final String GRACE_MIN = "grace-min";
	static final String OWEN_HART = "owen-hart";

	private static final List<String> PHYSICAL_THERAPY = List.of("physical-therapy-evaluation", "physical-therapy-45");

	private static final List<String> CONSULTATIONS = List.of("pain-consultation", "pain-follow-up");

	static final List<Person> PEOPLE = List.of(
			new Person("ana-ribeiro", "Ana", "Ribeiro", "LMT", "LMT", "1245183078", """
					Ana has spent eleven years easing the necks and shoulders of office workers and musicians. \
					Every first visit starts with a short movement check, and she is glad to work alongside your \
					physical therapist.""",
					List.of("Desk-work neck and shoulder tension", "Medical massage", "Myofascial release"),
					List.of("English", "Portuguese", "Spanish"), new Licence("LMT", "18KT00418227", 11, 610),
					massage("swedish", "deep-tissue", "myofascial-release")),
			new Person("daniel-kowalski", "Daniel", "Kowalski", "LMT", "LMT", "1367029547", """
					A former competitive rower, Daniel works with people who lift, run and train, and with anyone \
					recovering from a strain. Firm pressure if you want it, never more than you can relax into.""",
					List.of("Sports massage", "Trigger point therapy", "Lifting injuries"),
					List.of("Polish", "English"), new Licence("LMT", "18KT00502961", 7, 480),
					massage("swedish", "deep-tissue", "trigger-point")),
			new Person(GRACE_MIN, "Grace", "Min", "LMT", "LMT", "1488250618", """
					Grace trained in shiatsu and acupressure before becoming a licensed massage therapist. Her \
					calm, unhurried sessions suit people whose pain comes with stress, poor sleep or headaches.""",
					List.of("Shiatsu and acupressure", "Tension headaches", "Stress-related tension"),
					List.of("Korean", "English"), new Licence("LMT", "18KT00377104", 9, 19),
					massage("shiatsu", "swedish", "trigger-point")),
			new Person("marisol-vega", "Marisol", "Vega", "LMT", "LMT", "1520934781", """
					Marisol focuses on long-standing low back and hip pain. She combines myofascial work with \
					simple stretches to take home, and keeps notes that your physician can read.""",
					List.of("Chronic low back pain", "Myofascial release", "Maintenance care"),
					List.of("Spanish", "English"), new Licence("LMT", "18KT00455830", 13, 700),
					massage("swedish", "deep-tissue", "myofascial-release", "trigger-point")),
			new Person(OWEN_HART, "Owen", "Hart", "LMT", "LMT", "1634702157", """
					Owen likes deep, steady work on stubborn knots in the upper back and legs, and explains what \
					he finds as he goes.""", List.of("Deep tissue massage", "Sports massage"), List.of("English"),
					new Licence("LMT", "18KT00299518", 6, -12), massage("swedish", "deep-tissue")),
			new Person("naomi-sato", "Naomi", "Sato", "LMT", "LMT", "1752098438", """
					Naomi studied shiatsu in Osaka and has practised in New Jersey for eight years. She offers \
					evening appointments in Montclair for people who cannot get away during the day.""",
					List.of("Shiatsu", "Acupressure", "Headaches from neck tension"), List.of("Japanese", "English"),
					new Licence("LMT", "18KT00468012", 8, 540), massage("shiatsu", "swedish", "myofascial-release")),
			new Person("ravi-sharma", "Ravi", "Sharma", "LMT", "LMT", "1876340922", """
					Ravi works with people getting back to work after a strain or a fall. Focused trigger point \
					work, clear advice on what to do between sessions, and late appointments in Hoboken.""",
					List.of("Recovery after strain", "Trigger point therapy", "Deep tissue massage"),
					List.of("Hindi", "Punjabi", "English"), new Licence("LMT", "18KT00511477", 5, 450),
					massage("deep-tissue", "trigger-point", "swedish")),
			new Person("james-okafor", "James", "Okafor", "PT", "PT, DPT", "1904573163", """
					James helps people with neck and shoulder pain regain movement and strength. He builds each \
					plan around what you want to get back to, whether that is lifting a child or a full day at a \
					keyboard.""", List.of("Neck and shoulder rehabilitation", "Posture", "Return to lifting"),
					List.of("English", "French"), new Licence("PT", "40QA01583200", 10, 520), PHYSICAL_THERAPY),
			new Person("lucia-fernandes", "Lúcia", "Fernandes", "PT", "PT, DPT", "1289065744", """
					Lúcia specialises in low back pain and in exercise for spinal stenosis, with a gentle, \
					steady approach that suits older adults and anyone nervous about moving again.""",
					List.of("Low back pain", "Exercise for spinal stenosis", "Older adults"),
					List.of("Portuguese", "Spanish", "English"), new Licence("PT", "40QA01622900", 12, 650),
					PHYSICAL_THERAPY),
			new Person("samuel-whitaker", "Samuel", "Whitaker", "PT", "PT", "1397812458", """
					Samuel treats sports injuries and desk-related pain with hands-on therapy and a short list of \
					exercises that fit into a working day.""",
					List.of("Sports injuries", "Manual therapy", "Desk ergonomics"),
					List.of("English", "American Sign Language"), new Licence("PT", "40QA01710300", 4, 430),
					PHYSICAL_THERAPY),
			new Person("anjali-mehta", "Anjali", "Mehta", "MD", "MD", "1415609381", """
					Dr. Mehta is board certified in anesthesiology with a subspecialty in pain medicine. She \
					treats neck and back pain from the spine, favours the least invasive option that works, and \
					talks often with your therapists.""",
					List.of("Interventional pain medicine", "Spine pain", "Radiofrequency ablation"),
					List.of("Hindi", "Gujarati", "English"), new Licence("MD", "25MA09817300", 15, 760),
					physician("trigger-point-injection", "nerve-block", "facet-injection", "prp-injection",
							"radiofrequency-ablation")),
			new Person("robert-castillo", "Robert", "Castillo", "DO", "DO", "1563187206", """
					Dr. Castillo is an osteopathic physician who cares for sports and joint pain, including \
					regenerative treatment with platelet-rich plasma. He keeps Thursday evenings for video visits.""",
					List.of("Sports and joint pain", "Regenerative medicine", "Osteopathic medicine"),
					List.of("Spanish", "English"), new Licence("DO", "25MB08733100", 12, 590),
					physician("trigger-point-injection", "nerve-block", "facet-injection", "prp-injection")),
			new Person("hyun-woo-park", "Hyun-woo", "Park", "MD", "MD", "1670425838", """
					Dr. Park treats nerve pain and pain from the small joints of the spine, from nerve blocks \
					to radiofrequency ablation. He sees new patients in Hoboken and performs procedures in Red \
					Bank.""", List.of("Nerve pain", "Facet joint pain", "Radiofrequency ablation"),
					List.of("Korean", "English"), new Licence("MD", "25MA09904200", 9, 680),
					physician("trigger-point-injection", "nerve-block", "facet-injection", "radiofrequency-ablation")),
			new Person("miriam-adler", "Miriam", "Adler", "MD", "MD", "1728956016", """
					Dr. Adler is a specialist in physical medicine and rehabilitation. She looks at pain as part \
					of how you move and live, and reviews medication so that you take no more than you need.""",
					List.of("Physical medicine and rehabilitation", "Myofascial pain", "Medication review"),
					List.of("English", "Hebrew"), new Licence("MD", "25MA10052600", 7, 500),
					physician("trigger-point-injection", "nerve-block", "prp-injection")),
			new Person("tomas-reyes", "Tomás", "Reyes", "PSYCHOLOGIST", "PsyD", "1842067393", """
					Dr. Reyes helps people with long-lasting pain sleep better, pace their days and feel less \
					at the mercy of their symptoms, using cognitive behavioural therapy. Evening and Saturday \
					video visits.""",
					List.of("Pain coping skills", "Sleep and chronic pain", "Cognitive behavioural therapy"),
					List.of("Spanish", "English"), new Licence("PSYCHOLOGIST", "35SI00612300", 10, 560),
					List.of("pain-counselling")),
			new Person("leah-goldberg", "Leah", "Goldberg", "PSYCHOLOGIST", "PhD", "1955731827", """
					Dr. Goldberg works with people whose pain began with an injury or an accident, using \
					acceptance and commitment therapy to help them return to what matters to them.""",
					List.of("Pain after injury", "Acceptance and commitment therapy", "Stress"),
					List.of("English", "Russian"), new Licence("PSYCHOLOGIST", "35SI00587100", 14, 620),
					List.of("pain-counselling")));

	private DemoPractitioners() {
	}

	/**
	 * @param yearsHeld years since the licence was first issued
	 * @param expiresInDays days from the load date to expiry (negative: expired)
	 */
	record Licence(String type, String number, int yearsHeld, int expiresInDays) {
	}

	record Person(String id, String givenName, String familyName, String profession, String credentials, String npi,
			String bio, List<String> specialties, List<String> languages, Licence licence, List<String> services) {
	}

	static void write(JdbcClient jdbc, LocalDate today) {
		for (Person p : PEOPLE) {
			jdbc.sql("""
					INSERT INTO practitioner (id, given_name, family_name, profession, credentials, npi, bio,
					    specialties, languages)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(p.id(), p.givenName(), p.familyName(), p.profession(), p.credentials(), p.npi(), p.bio(),
						p.specialties().toArray(String[]::new), p.languages().toArray(String[]::new))
				.update();
			Licence licence = p.licence();
			jdbc.sql("""
					INSERT INTO practitioner_licence (practitioner_id, type, number, state, issued_on, expires_on)
					VALUES (?, ?, ?, 'NJ', ?, ?)""")
				.params(p.id(), licence.type(), licence.number(), today.minusYears(licence.yearsHeld()),
						today.plusDays(licence.expiresInDays()))
				.update();
			for (String service : p.services()) {
				jdbc.sql("INSERT INTO practitioner_service (practitioner_id, service_id) VALUES (?, ?)")
					.params(p.id(), service)
					.update();
			}
		}
	}

	/** Consultations, follow-ups and these procedures. */
	private static List<String> physician(String... procedures) {
		List<String> services = new ArrayList<>(CONSULTATIONS);
		services.addAll(List.of(procedures));
		return services;
	}

}
