package org.unknot.system;

import java.io.PrintStream;

/**
 * Something an operator runs once instead of serving: {@code java -jar unknot.jar
 * --unknot.command=<name>}. It prints what it found and answers the process exit code.
 */
public interface Command {

	String name();

	String description();

	int run(PrintStream out);

}
