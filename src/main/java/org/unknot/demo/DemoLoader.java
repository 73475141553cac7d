package org.unknot.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Fills an empty database with the demo network at start-up, when {@code unknot.demo.load-when-empty}. */
@Component
class DemoLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private final DemoNetwork network;
	private final DemoProperties properties;

	DemoLoader(DemoNetwork network, DemoProperties properties) {
		this.network = network;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.loadWhenEmpty()) {
			return;
		}
		if (network.loadIfEmpty()) {
			log.info("Loaded the demo network: {} clinics, {} services, {} practitioners (unknot.demo.load-when-empty)",
					DemoClinics.CLINICS.size(), DemoCatalog.SERVICES.size(), DemoPractitioners.PEOPLE.size());
		}
		else {
			log.info("The database already has clinics: the demo network is not loaded");
		}
	}
}
