package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch shutdownDone = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(shutdownDone);
        }, "tension-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Service service = Service.start(settings, out)) {
            out.println("Running: reading " + service.topology.topics().articles() + ". Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
            out.println("Shutting down...");
            out.flush();
        } finally {
            shutdownDone.countDown();
        }
        return 0;
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
