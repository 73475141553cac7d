package org.unknot.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's service catalog. Each kind of care sets its own booking rules (room, who may
 * give it, notice, grid, buffers), so each service below only says what differs: name,
 * length, price, codes. Massage by a licensed massage therapist is self-pay; its CPT
 * codes are kept for superbills.
 */
final class DemoCatalog {

	/** Enough for a year of fortnightly visits booked at once, with room to spare. */
	static final int MAX_ADVANCE_DAYS = 400;

	static final List<Integer> MASSAGE_MINUTES = List.of(30, 60, 90);

	static final List<Service> SERVICES = services();

	private DemoCatalog() {
	}

	record Service(String id, String name, String category, String description, int minutes, int bufferBefore,
			int bufferAfter, String roomKind, boolean inPerson, boolean virtual, int priceCents,
			List<String> billingCodes, String prerequisite, int minNoticeMinutes, int slotStepMinutes,
			List<String> licenceTypes) {
	}

	static void write(JdbcClient jdbc) {
		for (Service s : SERVICES) {
			jdbc.sql("""
					INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
					    buffer_after_minutes, room_kind, in_person, virtual, price_cents, billing_codes,
					    prerequisite_category, min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(s.id(), s.name(), s.category(), s.description(), s.minutes(), s.bufferBefore(), s.bufferAfter(),
						s.roomKind(), s.inPerson(), s.virtual(), s.priceCents(),
						s.billingCodes().toArray(String[]::new), s.prerequisite(), s.minNoticeMinutes(),
						MAX_ADVANCE_DAYS, s.slotStepMinutes(), s.licenceTypes().toArray(String[]::new))
				.update();
		}
	}

	/**
	 * The ids of one massage style in each length: {@code swedish-30},
	 * {@code swedish-60}, ...
	 */
	static List<String> massage(String... styles) {
		List<String> ids = new ArrayList<>();
		for (String style : styles) {
			MASSAGE_MINUTES.forEach(minutes -> ids.add(style + "-" + minutes));
		}
		return ids;
	}

	private static List<Service> services() {
		List<Service> services = new ArrayList<>();
		services.addAll(massages("swedish", "Swedish massage", """
				Long, flowing strokes and gentle kneading that warm the muscles and calm the nervous system. \
				A good first massage, and a good way to unwind tension from stress or long days at a desk.""", "97124",
				60, 100, 140));
		services.addAll(massages("deep-tissue", "Deep tissue massage", """
				Slower, firmer pressure that works into the deeper layers of muscle to ease chronic knots and \
				stiffness. Your therapist checks in on pressure throughout; some soreness the next day is normal.""",
				"97124", 65, 110, 155));
		services.addAll(massages("trigger-point", "Trigger point therapy", """
				Focused, sustained pressure on tight bands and tender spots that send pain elsewhere, such as a \
				knot in the shoulder that causes a headache, followed by stretching of the released muscle.""", "97140",
				70, 115, 160));
		services.addAll(massages("myofascial-release", "Myofascial release", """
				Gentle, sustained stretching of the connective tissue around the muscles, without oil, to \
				restore easier movement where tissue has tightened after injury, surgery or years of posture.""",
				"97140", 70, 115, 160));
		services.addAll(massages("shiatsu", "Shiatsu and acupressure", """
				A Japanese style of bodywork given through light, loose clothing: rhythmic finger and palm \
				pressure along the body, with gentle stretches. Often chosen for stress, sleep and headaches.""",
				"97124", 65, 110, 155));
		services.add(consultation("pain-consultation", "Pain consultation", """
				A first visit with a pain physician, in the clinic or by video. We go through your history, \
				imaging and what you have tried, examine you (in person), and agree on a plan, which may \
				include massage, physical therapy, counselling or a procedure.""", 45, 25000, null, "99203", "99204"));
		services.add(consultation("pain-follow-up", "Pain follow-up visit", """
				A shorter visit with your pain physician to review how the plan is working, adjust medication \
				or exercises, and decide on next steps. For patients who have had a consultation.""", 30, 14000,
				"CONSULTATION", "99213", "99214"));
		services.add(procedure("trigger-point-injection", "Trigger point injection", """
				A small injection of local anaesthetic into a painful muscle knot that has not released with \
				hands-on care. Takes a few minutes per point; most people go back to normal activity the same \
				day.""", 30, 35000, "20552", "20553"));
		services.add(procedure("nerve-block", "Nerve block", """
				Numbing medicine placed next to a nerve, guided by imaging, to calm a pain signal and to learn \
				which nerve carries it. Please arrange a ride home.""", 45, 65000));
		services.add(procedure("facet-injection", "Facet joint injection", """
				An injection into or beside the small joints at the back of the spine, guided by imaging, for \
				neck or back pain that comes from those joints. Please arrange a ride home.""", 60, 90000, "64490",
				"64491", "64492", "64493", "64494", "64495"));
		services.add(procedure("prp-injection", "Platelet-rich plasma (PRP) injection", """
				A small amount of your own blood is spun to concentrate its platelets, which are then injected \
				into a slow-healing tendon, ligament or joint. Usually not covered by insurance.""", 60, 120000));
		services.add(procedure("radiofrequency-ablation", "Radiofrequency ablation", """
				Gentle heat from a thin probe quiets the small nerves that carry pain from a spinal joint, often \
				for many months. Offered after nerve blocks have shown which nerves are involved. Please \
				arrange a ride home.""", 90, 240000, "64633", "64634", "64635", "64636"));
		services.add(physicalTherapy("physical-therapy-evaluation", "Physical therapy evaluation", """
				A first visit with a physical therapist: how you move, where it hurts and what you want to get \
				back to. You leave with a written plan and your first home exercises.""", 60, 18000, null, "97161",
				"97162", "97163"));
		services.add(physicalTherapy("physical-therapy-45", "Physical therapy session, 45 minutes", """
				Guided exercise and hands-on treatment in the gym, following the plan from your evaluation, so \
				that strength and range of motion keep improving between visits.""", 45, 12000, "PHYSICAL_THERAPY",
				"97110", "97140"));
		services.add(counselling("pain-counselling", "Pain counselling", """
				Sessions with a psychologist, in the clinic or by video, on living with long-lasting pain: \
				pacing, sleep, stress, mood and the worry that can make pain louder. Practical skills you can \
				use at home.""", 50, 16000, "90834"));
		return List.copyOf(services);
	}

	/**
	 * In a massage room, with a quarter of an hour after each visit to turn the room
	 * over.
	 */
	private static List<Service> massages(String style, String name, String description, String billingCode,
			int... dollarsFor30And60And90) {
		List<Service> lengths = new ArrayList<>();
		for (int i = 0; i < MASSAGE_MINUTES.size(); i++) {
			int minutes = MASSAGE_MINUTES.get(i);
			lengths.add(new Service(style + "-" + minutes, name + ", " + minutes + " minutes", "MASSAGE", description,
					minutes, 0, 15, "MASSAGE_ROOM", true, false, dollarsFor30And60And90[i] * 100, List.of(billingCode),
					null, 120, 15, List.of("LMT")));
		}
		return lengths;
	}

	/**
	 * With a physician, in a consulting room or by video; booked a day ahead so records
	 * can be read first.
	 */
	private static Service consultation(String id, String name, String description, int minutes, int priceCents,
			String prerequisite, String... billingCodes) {
		return new Service(id, name, "CONSULTATION", description, minutes, 0, 15, "CONSULTING_ROOM", true, true,
				priceCents, List.of(billingCodes), prerequisite, 24 * 60, 15, List.of("MD", "DO"));
	}

	/**
	 * With a physician in a procedure room, only after a consultation, two days' notice
	 * (for authorisation and preparation), on the half hour, with half an hour after for
	 * recovery and cleaning.
	 */
	private static Service procedure(String id, String name, String description, int minutes, int priceCents,
			String... billingCodes) {
		return new Service(id, name, "PROCEDURE", description, minutes, 0, 30, "PROCEDURE_ROOM", true, false,
				priceCents, List.of(billingCodes), "CONSULTATION", 48 * 60, 30, List.of("MD", "DO"));
	}

	/** With a physical therapist at a gym station. */
	private static Service physicalTherapy(String id, String name, String description, int minutes, int priceCents,
			String prerequisite, String... billingCodes) {
		return new Service(id, name, "PHYSICAL_THERAPY", description, minutes, 0, 15, "GYM", true, false, priceCents,
				List.of(billingCodes), prerequisite, 120, 15, List.of("PT"));
	}

	/**
	 * With a psychologist, in a consulting room or by video, on the hour or half hour.
	 */
	private static Service counselling(String id, String name, String description, int minutes, int priceCents,
			String... billingCodes) {
		return new Service(id, name, "COUNSELLING", description, minutes, 0, 10, "CONSULTING_ROOM", true, true,
				priceCents, List.of(billingCodes), null, 24 * 60, 30, List.of("PSYCHOLOGIST"));
	}

}
