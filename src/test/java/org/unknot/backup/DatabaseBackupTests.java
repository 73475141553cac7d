package org.unknot.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.privacy.KeyCheck;
import org.unknot.system.DatabaseLogins;
import org.unknot.system.SpareDatabase;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * A backup holds what was committed when it began and nothing after; a restore brings
 * exactly that into an empty database, or nothing at all.
 */
@UnknotIntegrationTest
class DatabaseBackupTests {

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	private static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);

	@TempDir
	Path dir;

	@Autowired
	DatabaseBackup backup;

	@Autowired
	VisitBooking visits;

	@Autowired
	KeyCheck keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<JavaMigration> javaMigrations;

	private String clinic;

	private String therapist;

	@BeforeEach
	void network() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void restoresExactlyWhatWasBookedBeforeTheBackup() {
		List<UUID> before = List.of(book(0), book(1), book(2));
		Set<UUID> backedUp = new HashSet<>(ids(jdbc));
		Path file = dir.resolve("unknot.zip");

		BackupManifest manifest = backup.write(file);
		List<UUID> after = List.of(book(3), book(4));

		try (SpareDatabase empty = SpareDatabase.migrated(javaMigrations)) {
			BackupManifest restored = restorer(empty.logins()).restore(file);

			JdbcClient there = empty.jdbc();
			assertThat(ids(there)).containsExactlyInAnyOrderElementsOf(backedUp)
				.containsAll(before)
				.doesNotContainAnyElementsOf(after);
			assertThat(restored.rows()).isEqualTo(manifest.rows()).isPositive();
			for (BackupManifest.Table table : manifest.tables()) {
				assertThat(there.sql("SELECT count(*) FROM " + table.name()).query(Long.class).single())
					.as(table.name())
					.isEqualTo(table.rows());
			}
			assertThat(there.sql("SELECT nextval('audit_entry_id')").query(Long.class).single())
				.as("the audit trail's numbering goes on after the restored entries")
				.isGreaterThan(there.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single());
		}
	}

	@Test
	void refusesToRestoreOverADatabaseThatHoldsData() {
		book(0);
		Path file = dir.resolve("unknot.zip");
		backup.write(file);
		long visitsBefore = ids(jdbc).size();

		assertThatThrownBy(() -> backup.restore(file)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("already holds data");

		assertThat(ids(jdbc)).hasSize((int) visitsBefore);
	}

	@Test
	void restoresNothingFromADamagedFile() throws IOException {
		book(0);
		Path file = dir.resolve("unknot.zip");
		BackupManifest manifest = backup.write(file);
		String table = "tables/appointment.copy";
		Path damaged = rewritten(file, table, bytes -> {
			String text = new String(bytes, StandardCharsets.UTF_8);
			return text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1).getBytes(StandardCharsets.UTF_8);
		});
		assertThat(manifest.tables()).extracting(BackupManifest.Table::name).contains("appointment");

		try (SpareDatabase empty = SpareDatabase.migrated(javaMigrations)) {
			assertThatThrownBy(() -> restorer(empty.logins()).restore(damaged)).isInstanceOf(BackupRefused.class)
				.hasMessageContaining("appointment")
				.hasMessageContaining("nothing was restored");
			assertThat(ids(empty.jdbc())).isEmpty();
			assertThat(empty.jdbc().sql("SELECT count(*) FROM patient").query(Long.class).single()).isZero();
		}
	}

	@Test
	void refusesABackupOfAnotherSchemaVersion() throws IOException {
		Path file = dir.resolve("unknot.zip");
		backup.write(file);
		Path older = rewritten(file, BackupManifest.ENTRY,
				bytes -> new String(bytes, StandardCharsets.UTF_8).replaceAll("schema-version=\\d+", "schema-version=5")
					.getBytes(StandardCharsets.UTF_8));

		try (SpareDatabase empty = SpareDatabase.migrated(javaMigrations)) {
			assertThatThrownBy(() -> restorer(empty.logins()).restore(older)).isInstanceOf(BackupRefused.class)
				.hasMessageContaining("schema version 5")
				.hasMessageContaining("Restore it with the Unknot version that took it");
		}
	}

	@Test
	void restoresNothingWhenThisNodesKeysCannotOpenTheSealedFields() {
		book(0);
		Path file = dir.resolve("unknot.zip");
		backup.write(file);
		KeyCheck otherKeys = Mockito.mock(KeyCheck.class);
		try {
			Mockito.when(otherKeys.firstUnreadable(Mockito.any()))
				.thenReturn(Optional.of("appointment_intake.answers: sealed with key 'k1', which is not configured"));
		}
		catch (java.sql.SQLException impossible) {
			throw new AssertionError(impossible);
		}

		try (SpareDatabase empty = SpareDatabase.migrated(javaMigrations)) {
			assertThatThrownBy(() -> new DatabaseBackup(empty.logins(), otherKeys, Clock.systemUTC()).restore(file))
				.isInstanceOf(BackupRefused.class)
				.hasMessageContaining("encryption keys cannot open")
				.hasMessageContaining("nothing was restored");
			assertThat(ids(empty.jdbc())).isEmpty();
		}
	}

	@Test
	void refusesAFileThatIsNotABackup() throws IOException {
		Path file = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");

		assertThatThrownBy(() -> backup.restore(file)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not a readable backup");
		assertThatThrownBy(() -> backup.restore(dir.resolve("missing.zip"))).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("There is no backup at");
	}

	private DatabaseBackup restorer(DatabaseLogins logins) {
		return new DatabaseBackup(logins, keys, Clock.systemUTC());
	}

	/** The n-th of three visits a day, two hours apart, from Monday on. */
	private UUID book(int n) {
		var slot = new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic),
				MONDAY.plusDays(n / 3).atTime(LocalTime.of(9 + 2 * (n % 3), 0)).atZone(NEW_YORK).toInstant());
		var patient = new PatientDetails("Rowan", "Ashby", "rowan." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1975, 6, 1));
		return visits
			.book(slot, null, new VisitAnswers(patient, Payer.SELF_PAY, null, Advice.NOT_GIVEN), BookedBy.PATIENT)
			.appointment()
			.id();
	}

	private static List<UUID> ids(JdbcClient jdbc) {
		return jdbc.sql("SELECT id FROM appointment").query(UUID.class).list();
	}

	/** A copy of the backup with one entry changed. */
	private Path rewritten(Path file, String entryName, UnaryOperator<byte[]> change) throws IOException {
		Path copy = dir.resolve("changed-" + file.getFileName());
		try (ZipFile zip = new ZipFile(file.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] bytes;
				try (InputStream in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
				out.closeEntry();
			}
		}
		return copy;
	}

}
