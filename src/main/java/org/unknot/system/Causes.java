package org.unknot.system;

import java.util.Optional;
import java.util.function.Predicate;

/** Looks through a failure and its chain of causes, outermost first. */
public final class Causes {

	private Causes() {
	}

	/** The first failure in the chain of this type. */
	public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
		return find(failure, type, found -> true);
	}

	/** The first failure in the chain of this type that also satisfies {@code which}. */
	public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type, Predicate<? super T> which) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause) && which.test(type.cast(cause))) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

}
