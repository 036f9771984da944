package io.tensionstreams.cli;

/** Entry point of {@code java -jar tension-streams.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TensionCommand.commandLine().execute(args));
    }
}
