package org.unknot.system.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.unknot.system.Causes;

/**
 * PostgreSQL cannot be reached (it is restarting, was killed, or the network to it is
 * down): not a fault of the request nor a bug, so the answer is 503 with
 * {@code Retry-After}, after at most the pool's connection wait
 * ({@code unknot.db.connection-timeout}), never a 500 after 30 s. Usually nothing was
 * written; a commit cut off by the outage may have gone through, which is why the answer
 * points to the {@code Idempotency-Key}: repeated with the same key, the request is
 * carried out at most once.
 */
final class DatabaseUnavailable {

	/** Seconds a client should wait before trying again. */
	static final String RETRY_AFTER = "5";

	static final String DETAIL = "The database is out of reach for a moment. Please try again in a few seconds; "
			+ "sent again with the same Idempotency-Key, a request that did go through is not carried out twice.";

	private DatabaseUnavailable() {
	}

	/**
	 * Whether {@code failure}, or one of its causes, says the database is out of reach.
	 */
	static boolean isCause(Throwable failure) {
		return Causes.find(failure, Throwable.class, DatabaseUnavailable::outOfReach).isPresent()
				// a rollback on a connection the pool had already closed hides why the
				// transaction failed
				|| Causes.find(failure, TransactionSystemException.class)
					.map(TransactionSystemException::getApplicationException)
					.filter(DatabaseUnavailable::isCause)
					.isPresent();
	}

	static ProblemDetail problem() {
		return ProblemAnswers.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", DETAIL,
				java.util.List.of());
	}

	private static boolean outOfReach(Throwable failure) {
		if (failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessResourceException
				|| failure instanceof CannotCreateTransactionException
				|| failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException) {
			return true;
		}
		// connection failures (class 08) and the server shutting down or crashed
		// (57P01-57P03)
		return failure instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
	}

}
