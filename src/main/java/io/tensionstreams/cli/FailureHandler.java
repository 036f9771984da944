package io.tensionstreams.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns a failure inside a command into one readable line on stderr and exit code 1, instead of a
 * stack trace. Set {@code TENSION_DEBUG=true} to see the trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("error: " + describe(e));
        if ("true".equalsIgnoreCase(System.getenv("TENSION_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return EXIT_FAILURE;
    }

    static String describe(Throwable e) {
        if (e instanceof ConfigException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
