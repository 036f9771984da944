package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.tensionstreams.app.Service;
import io.tensionstreams.app.Settings;
import io.tensionstreams.app.SignalShutdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code tension run}: the topology and the HTTP server, until SIGTERM or Ctrl-C; then a clean shutdown. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run tension-streams: the topology plus metrics, health, the score API and the dashboard. "
                + "With no --bootstrap-servers it starts an embedded Kafka broker and Schema Registry in this JVM.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = options.settings();
        try (SignalShutdown shutdown = SignalShutdown.install()) {
            try (Service service = Service.start(settings, out)) {
                shutdown.serving();
                out.println("Running: reading " + service.topology().topics().articles() + ". Press Ctrl-C to stop.");
                out.flush();
                shutdown.requested().await();
                out.println("Shutting down...");
                out.flush();
            }
            out.println("Stopped.");
            out.flush();
            shutdown.stoppedCleanly();
        }
        return 0;
    }
}
