package io.tensionstreams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tension} command: a parent for the subcommands, with --help and --version. */
@Command(name = "tension",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a stream of news articles into geopolitical tension signals with Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, PublishCommand.class, ConsumeCommand.class, TagCommand.class,
                EvalCommand.class, TrainCommand.class, TopologyCommand.class, BenchCommand.class, IngestCommand.class,
                CommandLine.HelpCommand.class})
public final class TensionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The command line with the project's error handling: a bad flag is one line and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TensionCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(FailureHandler::handleUsageError);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
