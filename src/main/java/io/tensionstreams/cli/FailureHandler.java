package io.tensionstreams.cli;

import io.tensionstreams.app.Failures;
import io.tensionstreams.app.Settings;
import picocli.CommandLine;

/**
 * Turns a failure inside a command into one readable line on stderr and exit code 1, instead of a
 * stack trace. Set {@code TENSION_DEBUG=true} to see the trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("error: " + Failures.describe(e));
        if ("true".equalsIgnoreCase(System.getenv("TENSION_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return e instanceof Settings.SettingException ? EXIT_USAGE : EXIT_FAILURE;
    }

    /**
     * A wrong flag or argument: one line naming it and where the help is, exit 2. Picocli's default
     * prints the whole usage after the error, which buries the one line that matters.
     */
    static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String suggestions = e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? "did you mean " + String.join(" or ", unmatched.getSuggestions()) + "? " : "";
        command.getErr().println("error: " + e.getMessage() + " (" + suggestions + "see '" + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return EXIT_USAGE;
    }
}
