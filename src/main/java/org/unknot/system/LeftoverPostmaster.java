package org.unknot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed Unknot leaves in its embedded data directory. After kill -9 of the JVM
 * the PostgreSQL it started lives on as an orphan that still holds the directory; after a
 * crash of the machine a {@code postmaster.pid} names a process that is gone, or whose
 * number now belongs to another program. Either would stop the next start, so it is
 * cleared first: a live orphan of this directory is shut down (fast: open transactions
 * roll back, everything committed stays), a stale lock file is removed.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	static final String PORT_PROPERTY = "unknot.db.embedded-port";

	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private LeftoverPostmaster() {
	}

	/** Leaves {@code dataDir} with no server running on it and no lock file. */
	static void clear(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		Optional<Long> pid = pidIn(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isPresent() && servesDirectory(process.get(), dataDir)) {
			requireNoLiveOwner(dataDir, process.get());
			stop(process.get(), dataDir);
		}
		else {
			log.info("Removing the stale {} (process {} is {})", pidFile, pid.get(),
					process.isPresent() ? "another program" : "gone");
		}
		deleteIfExists(pidFile);
	}

	/**
	 * Refuses, with a message that says what to change, a fixed port that another program
	 * holds; postgres itself would only say it could not bind, in its own log.
	 */
	static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new EmbeddedPortTaken(port, ex);
		}
	}

	static Optional<Long> pidIn(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			// a lock file cut short by the crash: nobody can be running on it
			log.info("Removing the unreadable {}", pidFile);
			deleteIfExists(pidFile);
			return Optional.empty();
		}
	}

	/**
	 * The JVM that starts an embedded server holds a lock on {@code epg-lock} in its
	 * directory for as long as it lives: a server whose lock nobody holds is an orphan,
	 * one whose lock is held still serves a running Unknot and is left alone.
	 */
	private static void requireNoLiveOwner(Path dataDir, ProcessHandle server) {
		try (FileChannel channel = FileChannel.open(dataDir.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				lock.release();
				return;
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by this very JVM
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check who uses " + dataDir, ex);
		}
		throw new IllegalStateException("Another running Unknot uses the data directory " + dataDir
				+ " (its PostgreSQL is process " + server.pid() + "): give this one its own unknot.data-dir, "
				+ "or point it at that server with unknot.db.url");
	}

	/** A postgres whose command line names this data directory. */
	private static boolean servesDirectory(ProcessHandle process, Path dataDir) {
		String commandLine = commandLine(process);
		return commandLine.contains("postgres") && commandLine.contains(dataDir.toAbsolutePath().toString());
	}

	private static String commandLine(ProcessHandle process) {
		Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			if (Files.isReadable(proc)) {
				return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
			}
		}
		catch (IOException ex) {
			// fall through to what the JDK can tell
		}
		return process.info().commandLine().orElse("");
	}

	private static void stop(ProcessHandle orphan, Path dataDir) {
		log.warn("A PostgreSQL left running by an earlier Unknot (process {}) holds {}; stopping it first",
				orphan.pid(), dataDir);
		long started = System.nanoTime();
		// SIGINT is PostgreSQL's fast shutdown: it does not wait for the clients still
		// connected (other nodes), rolls back what they had open and keeps every commit.
		// Not pg_ctl: it refuses to run as root, which the embedded server works around.
		run("kill", "-INT", Long.toString(orphan.pid()));
		try {
			orphan.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The PostgreSQL left running on " + dataDir + " (process " + orphan.pid()
					+ ") did not stop within " + STOP_WAIT.toSeconds() + " s", ex);
		}
		log.info("Stopped the leftover PostgreSQL in {} ms",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteIfExists(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove " + file, ex);
		}
	}

	/** The fixed port for the embedded PostgreSQL belongs to another program. */
	static final class EmbeddedPortTaken extends IllegalStateException {

		EmbeddedPortTaken(int port, Throwable cause) {
			super("Port " + port + " for the embedded PostgreSQL is taken by another program: stop it, or choose "
					+ "another port with " + PORT_PROPERTY + " (UNKNOT_DB_EMBEDDED_PORT)", cause);
		}

	}

}
