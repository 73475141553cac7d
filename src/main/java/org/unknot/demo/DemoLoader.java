package org.unknot.demo;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo network at start-up, when
 * {@code unknot.demo.load-when-empty}.
 */
@Component
class DemoLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private final DemoNetwork network;

	private final DemoProperties properties;

	private final DemoPatient patient;

	private final DemoBilling billing;

	private final DemoPayingForCare paying;

	private final DemoOutcomes outcomes;

	private final DemoReports reports;

	DemoLoader(DemoNetwork network, DemoProperties properties, DemoPatient patient, DemoBilling billing,
			DemoPayingForCare paying, DemoOutcomes outcomes, DemoReports reports) {
		this.outcomes = outcomes;
		this.reports = reports;
		this.billing = billing;
		this.paying = paying;
		this.network = network;
		this.properties = properties;
		this.patient = patient;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.loadWhenEmpty()) {
			return;
		}
		if (network.loadIfEmpty()) {
			log.info("Loaded the demo network: {} clinics, {} services, {} practitioners (unknot.demo.load-when-empty)",
					DemoClinics.CLINICS.size(), DemoCatalog.SERVICES.size(), DemoPractitioners.PEOPLE.size());
			try {
				loadPeople().ifPresent(course -> log.info("Booked {} visits of the demo patient's plan ({})",
						course.outcome().booked().size(), DemoPatient.EMAIL));
			}
			catch (RuntimeException e) {
				log.warn("The demo network is loaded, but the demo patient's visits could not be booked", e);
			}
		}
		else {
			log.info("The database already has clinics: the demo network is not loaded");
		}
	}

	/**
	 * The demo's people, into the network just loaded: the demo patient's plan, visits,
	 * payments and report, then the ended plans. Answers the demo patient's course, or
	 * empty when it could not be booked. Kept apart from {@link #run} so that a test can
	 * load the demo as a start does, failures included.
	 */
	Optional<DemoCare.Course> loadPeople() {
		Optional<DemoCare.Course> loaded = patient.load();
		loaded.ifPresent(course -> {
			if (!course.outcome().booked().isEmpty()) {
				var patientId = course.outcome().booked().get(0).appointment().patientId();
				billing.load(patientId.value());
				paying.load(patientId);
				reports.load(course.planId());
			}
		});
		outcomes.load();
		return loaded;
	}

}
