package org.unknot.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;
import org.unknot.backup.BackupManifest.Sequence;
import org.unknot.backup.BackupManifest.Table;
import org.unknot.privacy.KeyCheck;
import org.unknot.system.DatabaseLogins;

/**
 * Writes every table and sequence of Unknot's schema into a zip file from one snapshot (a
 * repeatable-read transaction: what was committed before it began, nothing after), and
 * restores such a file into an empty database of the same schema version in one
 * transaction. Both run as the schema's owner; the file holds health information (sealed
 * fields stay sealed in it) and none of the keys.
 */
@Service
class DatabaseBackup {

	/**
	 * Tables that hold a clinic's data: a database with rows in any of them is not empty.
	 */
	private static final List<String> HOLDS_DATA = List.of("account", "patient", "clinic", "appointment");

	private final DatabaseLogins logins;

	private final KeyCheck keys;

	private final Clock clock;

	DatabaseBackup(DatabaseLogins logins, KeyCheck keys, Clock clock) {
		this.logins = logins;
		this.keys = keys;
		this.clock = clock;
	}

	/** Writes the backup to {@code file} (first beside it, then moved into place). */
	BackupManifest write(Path file) {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (Connection connection = owner()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			BackupManifest manifest;
			try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
				String version = schemaVersion(connection);
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				List<Table> tables = new ArrayList<>();
				for (String table : tables(connection)) {
					String columns = columns(connection, table);
					zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
					MessageDigest sha = sha256();
					long rows = copy.copyOut("COPY " + table + " (" + columns + ") TO STDOUT",
							new DigestOutputStream(new KeptOpen(zip), sha));
					zip.closeEntry();
					tables.add(new Table(table, columns, rows, HexFormat.of().formatHex(sha.digest())));
				}
				manifest = new BackupManifest(version, clock.instant(), tables, sequences(connection));
				zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
				manifest.writeTo(zip);
				zip.closeEntry();
			}
			connection.commit();
			try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				written.force(true);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return manifest;
		}
		catch (SQLException e) {
			deleteQuietly(partial);
			throw new IllegalStateException("Could not read the database for the backup: " + e.getMessage(), e);
		}
		catch (IOException e) {
			deleteQuietly(partial);
			throw new UncheckedIOException("Could not write the backup to " + file, e);
		}
	}

	/**
	 * Restores {@code file} into this database, which must be empty and at the backup's
	 * schema version; all or nothing.
	 */
	BackupManifest restore(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new BackupRefused("There is no backup at " + file + ".");
		}
		try (ZipFile zip = new ZipFile(file.toFile()); Connection connection = owner()) {
			ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
			if (manifestEntry == null) {
				throw new BackupRefused(file + " is not an Unknot backup, or was cut short while it was written.");
			}
			BackupManifest manifest;
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest = BackupManifest.readFrom(in);
			}
			connection.setAutoCommit(false);
			requireSameSchema(connection, manifest);
			requireEmpty(connection);
			try (Statement statement = connection.createStatement()) {
				// foreign keys and triggers are the data's own, already checked when it
				// was
				// written: loaded as it was, in any order, without the audit trail's
				// guards
				statement.execute("SET LOCAL session_replication_role = replica");
				statement
					.execute("TRUNCATE " + String.join(", ", manifest.tables().stream().map(Table::name).toList()));
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (Table table : manifest.tables()) {
				load(zip, copy, table);
			}
			for (Map.Entry<String, Sequence> sequence : manifest.sequences().entrySet()) {
				try (PreparedStatement set = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
					set.setString(1, sequence.getKey());
					set.setLong(2, sequence.getValue().lastValue());
					set.setBoolean(3, sequence.getValue().called());
					set.execute();
				}
			}
			var unreadable = keys.firstUnreadable(connection);
			if (unreadable.isPresent()) {
				connection.rollback();
				throw new BackupRefused("This node's encryption keys cannot open the backup's sealed fields ("
						+ unreadable.get() + "). Start it with the keys of the network that made the backup "
						+ "(unknot.encryption.keys, or the files in the data directory's keys folder) and restore "
						+ "again; nothing was restored.");
			}
			connection.commit();
			return manifest;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not restore the backup; nothing was restored: " + e.getMessage(), e);
		}
		catch (java.util.zip.ZipException e) {
			throw new BackupRefused(file + " is not a readable backup (" + e.getMessage() + "); nothing was restored.");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the backup " + file, e);
		}
	}

	private static void load(ZipFile zip, CopyManager copy, Table table) throws SQLException, IOException {
		ZipEntry entry = zip.getEntry(table.entry());
		if (entry == null) {
			throw new BackupRefused(
					"The backup has lost the data of table " + table.name() + "; nothing was restored.");
		}
		MessageDigest sha = sha256();
		long rows;
		try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
			rows = copy.copyIn("COPY " + table.name() + " (" + table.columns() + ") FROM STDIN", in);
		}
		if (rows != table.rows() || !HexFormat.of().formatHex(sha.digest()).equals(table.sha256())) {
			throw new BackupRefused("The backup's data of table " + table.name()
					+ " is not what was written (damaged file); nothing was restored.");
		}
	}

	private void requireSameSchema(Connection connection, BackupManifest manifest) throws SQLException {
		String here = schemaVersion(connection);
		if (!here.equals(manifest.schemaVersion())) {
			throw new BackupRefused("The backup was taken at schema version " + manifest.schemaVersion()
					+ " and this Unknot is at " + here + ". Restore it with the Unknot version that took it, "
					+ "then start this one on the restored data to upgrade it; nothing was restored.");
		}
		List<String> tables = tables(connection);
		for (Table table : manifest.tables()) {
			if (!tables.contains(table.name()) || !columns(connection, table.name()).equals(table.columns())) {
				throw new BackupRefused("The backup's table " + table.name()
						+ " does not match this database's, although both are at schema version " + here
						+ "; nothing was restored.");
			}
		}
	}

	private static void requireEmpty(Connection connection) throws SQLException {
		for (String table : HOLDS_DATA) {
			try (Statement statement = connection.createStatement();
					ResultSet any = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
				any.next();
				if (any.getBoolean(1)) {
					throw new BackupRefused("This database already holds data (" + table
							+ " has rows). A restore goes into an empty one: start this command on a new data "
							+ "directory (unknot.data-dir) or an empty database; nothing was restored.");
				}
			}
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SELECT version FROM flyway_schema_history "
						+ "WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
			if (!version.next()) {
				throw new BackupRefused("This database has no Unknot schema.");
			}
			return version.getString(1);
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT quote_ident(tablename) FROM pg_tables "
						+ "WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	/** The table's stored columns in order (generated ones are computed again). */
	private static String columns(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) FROM pg_attribute "
					+ "WHERE attrelid = ('public.' || ?)::regclass AND attnum > 0 AND NOT attisdropped "
					+ "AND attgenerated = ''")) {
			statement.setString(1, table);
			try (ResultSet columns = statement.executeQuery()) {
				columns.next();
				return columns.getString(1);
			}
		}
	}

	private static Map<String, Sequence> sequences(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT quote_ident(sequencename) FROM pg_sequences "
						+ "WHERE schemaname = 'public' ORDER BY sequencename")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		Map<String, Sequence> sequences = new LinkedHashMap<>();
		for (String name : names) {
			try (Statement statement = connection.createStatement();
					ResultSet position = statement.executeQuery("SELECT last_value, is_called FROM " + name)) {
				position.next();
				sequences.put(name, new Sequence(position.getLong(1), position.getBoolean(2)));
			}
		}
		return sequences;
	}

	private Connection owner() throws SQLException {
		DataSource owner = logins.ownerDataSource();
		return owner.getConnection();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// the failure that got here is what the operator needs to see
		}
	}

	/** The zip stays open when COPY closes what it wrote to. */
	private static final class KeptOpen extends FilterOutputStream {

		KeptOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
