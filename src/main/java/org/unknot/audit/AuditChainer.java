package org.unknot.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals entries into the keyed chain shortly after they are written, so that writing one
 * (in a booking, a page view) takes no lock that other writers wait for.
 * <p>
 * One node at a time: a run holds a transaction-scoped advisory lock, tried rather than
 * waited for, so a node that finds it taken simply skips. It is a lease that lasts
 * exactly as long as the run's own transaction: a node that dies mid-run has its
 * transaction rolled back and its lock released by PostgreSQL, and the entries it was
 * sealing are still waiting for the next run, on any node. Entries are sealed in id order
 * among those committed by then; one whose transaction commits late is sealed in the next
 * run, at the end of the chain. Once sealed, an entry's place never changes.
 */
@Component
public class AuditChainer {

	/** Any fixed number; it names the lock that lets one node at a time seal. */
	static final long CHAINER_LOCK = 0x756e6b6e6f74L;

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ChainKey key;

	private final TransactionTemplate transaction;

	AuditChainer(JdbcClient jdbc, JdbcTemplate batch, ChainKey key, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.key = key;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Each batch in a transaction of its own. A call of {@link #sealNext()} from here
	 * would not pass through its {@code @Transactional} proxy: each statement would then
	 * commit alone, the advisory lock would be given back as soon as it was taken, and
	 * two nodes could seal the same place (refused by the key on the position, after work
	 * and an error).
	 */
	@Scheduled(fixedDelayString = "${unknot.audit.chain-interval:1s}",
			initialDelayString = "${unknot.audit.chain-interval:1s}")
	void sealWaiting() {
		while (transaction.execute(status -> sealBatch()) == BATCH) {
			// more were waiting than one batch takes
		}
	}

	/**
	 * Seals up to a batch of waiting entries.
	 * @return how many it sealed (0 also when another node holds the chain)
	 */
	@Transactional
	public int sealNext() {
		return sealBatch();
	}

	private int sealBatch() {
		boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
			.param(CHAINER_LOCK)
			.query(Boolean.class)
			.single();
		if (!mine) {
			return 0;
		}
		List<AuditEntry> waiting = jdbc.sql("""
				SELECT e.* FROM audit_unchained u JOIN audit_entry e ON e.id = u.entry_id
				ORDER BY e.id LIMIT ?""").param(BATCH).query(AuditLog::map).list();
		if (waiting.isEmpty()) {
			return 0;
		}
		Link last = jdbc.sql("SELECT position, mac FROM audit_link ORDER BY position DESC LIMIT 1")
			.query((rs, n) -> new Link(rs.getLong("position"), rs.getBytes("mac")))
			.optional()
			.orElse(new Link(0, ChainKey.GENESIS));
		List<Object[]> links = new ArrayList<>(waiting.size());
		long position = last.position();
		byte[] previous = last.mac();
		for (AuditEntry entry : waiting) {
			position++;
			byte[] mac = key.seal(position, previous, entry);
			links.add(new Object[] { position, entry.id(), key.id(), previous, mac });
			previous = mac;
		}
		batch.batchUpdate(
				"INSERT INTO audit_link (position, entry_id, key_id, previous_mac, mac) VALUES (?, ?, ?, ?, ?)", links);
		jdbc.sql("DELETE FROM audit_unchained WHERE entry_id = ANY(?)")
			.param(waiting.stream().map(AuditEntry::id).toArray(Long[]::new))
			.update();
		return waiting.size();
	}

	private record Link(long position, byte[] mac) {
	}

}
