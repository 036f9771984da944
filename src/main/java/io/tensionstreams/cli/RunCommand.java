package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tensionstreams.embedded.EmbeddedPlatform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tension run}: runs until SIGTERM or Ctrl-C, then shuts down cleanly. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run tension-streams. With no --bootstrap-servers it starts an embedded Kafka broker and Schema Registry in this JVM.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--kafka-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the embedded broker; 0 for any free port (default).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the embedded Schema Registry; 0 for any free port (default).")
    private int registryPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker keeps its data; a temporary directory, removed on exit, when absent.")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch shutdownDone = new CountDownLatch(1);
        out.println("Starting the embedded Kafka broker and Schema Registry...");
        out.flush();
        EmbeddedPlatform platform = EmbeddedPlatform.start(kafkaPort, registryPort, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            awaitQuietly(shutdownDone);
        }, "tension-shutdown"));
        out.println("Kafka: " + platform.bootstrapServers());
        out.println("Schema Registry: " + platform.schemaRegistryUrl());
        out.println("Running. Press Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } finally {
            out.println("Shutting down...");
            out.flush();
            platform.close();
            shutdownDone.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
