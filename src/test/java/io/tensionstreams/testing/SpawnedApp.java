package io.tensionstreams.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tensionstreams.cli.Main;

/** The {@code tension} command line in a JVM of its own, as an operator runs it, with its output kept. */
public final class SpawnedApp implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private SpawnedApp(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add), "spawned-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code tension args...} on this test JVM's class path. */
    public static SpawnedApp start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // -Dspawned.jvm.args="-Dorg.slf4j.simpleLogger.defaultLogLevel=debug ..." to look inside a spawned instance.
        String extra = System.getProperty("spawned.jvm.args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            return new SpawnedApp(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitLine(String prefix, Duration atMost) {
        await().atMost(atMost).alias("a line starting '" + prefix + "' in " + lines)
                .until(() -> lines.stream().anyMatch(line -> line.startsWith(prefix)) || !process.isAlive());
        if (lines.stream().noneMatch(line -> line.startsWith(prefix))) {
            throw new AssertionError("the process ended without printing '" + prefix + "': " + lines);
        }
    }

    /** kill -KILL: no shutdown hook, no flush, no commit; as a machine that loses power. */
    public void killHard() throws InterruptedException, IOException {
        new ProcessBuilder("kill", "-KILL", String.valueOf(process.pid())).start().waitFor();
        process.waitFor();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
