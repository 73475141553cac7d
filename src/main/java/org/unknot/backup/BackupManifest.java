package org.unknot.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup holds, written last into it: the schema version it was taken at, each
 * table with its columns, row count and the SHA-256 of its data, and each sequence's
 * position.
 */
record BackupManifest(String schemaVersion, Instant takenAt, List<Table> tables, Map<String, Sequence> sequences) {

	static final String ENTRY = "manifest.properties";

	static final String FORMAT = "unknot-backup-1";

	record Table(String name, String columns, long rows, String sha256) {

		String entry() {
			return "tables/" + name + ".copy";
		}
	}

	record Sequence(long lastValue, boolean called) {
	}

	void writeTo(OutputStream out) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("format", FORMAT);
		properties.setProperty("schema-version", schemaVersion);
		properties.setProperty("taken-at", takenAt.toString());
		properties.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
		for (Table table : tables) {
			properties.setProperty("table." + table.name() + ".columns", table.columns());
			properties.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
			properties.setProperty("table." + table.name() + ".sha256", table.sha256());
		}
		properties.setProperty("sequences", String.join(",", sequences.keySet()));
		sequences.forEach((name, sequence) -> properties.setProperty("sequence." + name,
				sequence.lastValue() + "," + sequence.called()));
		StringWriter text = new StringWriter();
		properties.store(text, "Unknot database backup");
		out.write(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Reads a manifest; a file that is not one of ours is refused with a reason. */
	static BackupManifest readFrom(InputStream in) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		if (!FORMAT.equals(properties.getProperty("format"))) {
			throw new BackupRefused("This file is not an Unknot backup (or one of a format this version cannot read).");
		}
		try {
			List<Table> tables = new ArrayList<>();
			for (String name : names(properties.getProperty("tables"))) {
				tables.add(new Table(name, required(properties, "table." + name + ".columns"),
						Long.parseLong(required(properties, "table." + name + ".rows")),
						required(properties, "table." + name + ".sha256")));
			}
			Map<String, Sequence> sequences = new LinkedHashMap<>();
			for (String name : names(properties.getProperty("sequences"))) {
				String[] position = required(properties, "sequence." + name).split(",", 2);
				sequences.put(name, new Sequence(Long.parseLong(position[0]), Boolean.parseBoolean(position[1])));
			}
			return new BackupManifest(required(properties, "schema-version"),
					Instant.parse(required(properties, "taken-at")), tables, sequences);
		}
		catch (RuntimeException damaged) {
			if (damaged instanceof BackupRefused refused) {
				throw refused;
			}
			throw new BackupRefused("The backup's manifest is damaged (" + damaged.getMessage() + ").");
		}
	}

	long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}

	private static List<String> names(String list) {
		return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new BackupRefused("The backup's manifest is damaged (" + key + " is missing).");
		}
		return value;
	}

}
