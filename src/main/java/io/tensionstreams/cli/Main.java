package io.tensionstreams.cli;

import io.tensionstreams.http.ServerLimits;

/** Entry point of {@code java -jar tension-streams.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ServerLimits.apply();
        System.exit(TensionCommand.commandLine().execute(args));
    }
}
