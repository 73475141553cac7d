package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;

/**
 * The backup and restore commands as an operator runs them: a backup taken from a serving
 * node's database while it serves (the command starts no web server, so it runs beside
 * the node with the node's own settings), and restored into a new data directory, on
 * which a node then serves exactly the visits booked before the backup.
 */
class BackupCommandTests {

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	private static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);

	private static final Pattern LOCATION = Pattern.compile("/api/v1/appointments/([0-9a-f-]{36})");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@TempDir
	Path dir;

	private final List<ChildNode> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() throws Exception {
		for (ChildNode node : nodes) {
			node.close();
		}
	}

	@Test
	void aBackupTakenWhileTheNodeServesRestoresExactlyTheVisitsBookedBeforeIt() throws Exception {
		ChildNode first = node("first");
		first.start(Duration.ofSeconds(90));
		TestNetwork network = new TestNetwork(first.jdbc());
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		List<String> before = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			before.add(book(first, therapist, clinic, n));
		}
		Path file = dir.resolve("backup.zip");
		Path keys = dir.resolve("first").resolve("keys");
		String app = Files.readString(keys.resolve("database-app.password")).strip();
		String auditKey = Files.readString(keys.resolve("audit.key")).strip();

		ChildNode.Ran backup = first.command(Duration.ofSeconds(90), "backup", "--unknot.backup.file=" + file,
				"--unknot.db.url=jdbc:postgresql://localhost:" + first.dbPort() + "/unknot",
				"--unknot.db.user=unknot_app", "--unknot.db.password=" + app, "--unknot.db.owner.user=postgres",
				"--unknot.audit.key=" + auditKey);
		List<String> after = List.of(book(first, therapist, clinic, 3), book(first, therapist, clinic, 4));

		assertThat(backup.exitCode()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("Backed up")
			.contains("The encryption keys and the audit key are not in it");
		// given the node's own port, which the node holds: a command that tried to listen
		// on it could not have started
		assertThat(backup.output()).as("no port opened beside the node")
			.doesNotContain("started on port " + first.httpPort());
		assertThat(file).isRegularFile();

		ChildNode second = node("second");
		// the operator's step: the audit key goes with the data, apart from the backup
		Files.createDirectories(dir.resolve("second").resolve("keys"));
		Files.copy(keys.resolve("audit.key"), dir.resolve("second").resolve("keys").resolve("audit.key"));
		ChildNode.Ran restore = second.command(Duration.ofSeconds(90), "restore", "--unknot.backup.file=" + file);
		assertThat(restore.exitCode()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("Restored").contains("Audit chain intact");

		ChildNode.Ran again = second.command(Duration.ofSeconds(90), "restore", "--unknot.backup.file=" + file);
		assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
		assertThat(again.output()).contains("already holds data").contains("nothing was restored");

		second.start(Duration.ofSeconds(90));
		JdbcClient restored = second.jdbc();
		List<String> there = restored.sql("SELECT id::text FROM appointment").query(String.class).list();
		assertThat(there).containsExactlyInAnyOrderElementsOf(before).doesNotContainAnyElementsOf(after);
		assertThat(HTTP
			.send(HttpRequest.newBuilder(second.uri("/api/v1/appointments/" + before.get(0))).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).as("the restored node answers for a restored visit").isNotEqualTo(500);
	}

	private ChildNode node(String name) throws Exception {
		ChildNode node = new ChildNode(Files.createDirectories(dir.resolve(name)));
		nodes.add(node);
		return node;
	}

	/** The n-th of three visits a day, two hours apart; answers its id. */
	private static String book(ChildNode node, String therapist, String clinic, int n) throws Exception {
		String start = MONDAY.plusDays(n / 3)
			.atTime(LocalTime.of(9 + 2 * (n % 3), 0))
			.atZone(NEW_YORK)
			.toOffsetDateTime()
			.toString();
		String body = """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s",
				 "patient": {"givenName": "Rowan", "familyName": "Ashby", "email": "rowan-%s@example.org",
				             "birthDate": "1975-06-01"},
				 "intake": {"regions": ["NECK"], "intensity": 4, "duration": "OVER_THREE_MONTHS", "causes": [],
				            "redFlags": []}}""".formatted(TestNetwork.MASSAGE, therapist, clinic, start,
				UUID.randomUUID());
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(node.uri("/api/v1/appointments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		Matcher id = LOCATION.matcher(answer.headers().firstValue("Location").orElseThrow());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

}
