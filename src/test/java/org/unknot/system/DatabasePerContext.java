package org.unknot.system;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

/**
 * Gives every test application context that asks for a throw-away database
 * ({@code unknot.db.ephemeral}, the test profile) a fresh database of its own on the one
 * test PostgreSQL ({@link TestDatabases}) instead of starting an embedded server for it.
 * The pool is still made by {@link DatabaseConfiguration}; only the server it points at
 * changes. A context with its own server settings keeps its own server.
 * <p>
 * All customizers are equal, so this never splits Spring's context cache.
 */
record DatabasePerContext() implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		DatabaseProperties.Db db = Binder.get(context.getEnvironment())
			.bindOrCreate("unknot", DatabaseProperties.class)
			.db();
		if (!db.ephemeral() || db.external() || !db.serverSettings().isEmpty()) {
			return;
		}
		String name = TestDatabases.nextName();
		// registered before any bean, so destroyed after all of them, the pool included
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(name,
				() -> TestDatabases.drop(name));
		context.addBeanFactoryPostProcessor(beans -> useDatabase(beans, name, context.getEnvironment()));
	}

	private static void useDatabase(ConfigurableListableBeanFactory beans, String name, Environment environment) {
		for (String server : beans.getBeanNamesForType(EmbeddedServer.class, true, false)) {
			definition(beans, server).setInstanceSupplier(EmbeddedServer::none);
		}
		String[] pools = beans.getBeanNamesForType(HikariDataSource.class, true, false);
		if (pools.length != 1) {
			throw new IllegalStateException("Expected DatabaseConfiguration's one pool, found " + List.of(pools));
		}
		definition(beans, pools[0]).setInstanceSupplier(() -> pool(beans, name, environment));
	}

	private static HikariDataSource pool(ConfigurableListableBeanFactory beans, String name, Environment environment) {
		List<String> locations = List.of(Binder.get(environment)
			.bind("spring.flyway.locations", String[].class)
			.orElse(new String[] { "classpath:db/migration" }));
		List<JavaMigration> javaMigrations = beans.getBeanProvider(JavaMigration.class).orderedStream().toList();
		String url = TestDatabases.create(name, locations, javaMigrations);
		DatabaseProperties properties = beans.getBean(DatabaseProperties.class);
		DatabaseProperties.Db db = properties.db();
		var copy = new DatabaseProperties(properties.dataDir(),
				new DatabaseProperties.Db(url, "postgres", null, db.ephemeral(), db.poolSize(), db.serverSettings(),
						db.embeddedPort(), db.connectionTimeout(), db.embeddedWatch()));
		return new DatabaseConfiguration().dataSource(copy, EmbeddedServer.none());
	}

	private static AbstractBeanDefinition definition(ConfigurableListableBeanFactory beans, String name) {
		return (AbstractBeanDefinition) beans.getBeanDefinition(name);
	}

	/** Registered in {@code META-INF/spring.factories} for every test class. */
	static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new DatabasePerContext();
		}

	}

}
