package org.unknot.care.measures;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leases that let one node at a time run a job. The holder renews its lease each run; a
 * node that stops renewing loses the job to another once the lease has run out.
 */
@Repository
class JobLeases {

	private final JdbcClient jdbc;

	JobLeases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes or renews the job's lease until {@code until}; false if another holds it. */
	boolean take(String job, String owner, Instant now, Instant until) {
		return jdbc.sql("""
				INSERT INTO job_lease (job, owner, lease_until) VALUES (?, ?, ?)
				ON CONFLICT (job) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
				WHERE job_lease.owner = EXCLUDED.owner OR job_lease.lease_until <= ?""")
			.params(job, owner, Timestamp.from(until), Timestamp.from(now))
			.update() == 1;
	}

}
