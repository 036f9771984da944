package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code tension run} in its own JVM: SIGTERM stops the streams, the HTTP server and the embedded broker, and the JVM exits. */
class GracefulShutdownTest {

    @Test
    void sigtermShutsEverythingDownInOrder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--http-port", "0").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> lines.stream().anyMatch(line -> line.startsWith("Running:")));

            // SIGTERM by kill(1): Process.destroy() also closes our end of the pipes, losing the last lines.
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exits within a minute of SIGTERM").isTrue();
            reader.join(5_000);
            assertThat(lines).as("exit %s, output %s", process.exitValue(), lines).anyMatch(line -> line.startsWith("Kafka: 127.0.0.1:"))
                    .anyMatch(line -> line.startsWith("HTTP: http://127.0.0.1:"))
                    .anyMatch(line -> line.equals("Shutting down..."))
                    .anyMatch(line -> line.equals("Stopped."));
            assertThat(process.exitValue()).as("a stop asked for and done cleanly is a success, not the JVM's 143").isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
