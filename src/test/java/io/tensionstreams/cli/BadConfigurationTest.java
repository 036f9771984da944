package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong address, a broken taxonomy or a mistyped flag: one line naming the problem, a non-zero
 * exit, and never a hang. The bound each test sets is a guard against hanging, not a speed target.
 */
@Tag("reliability")
class BadConfigurationTest {
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @Test
    void aBrokerThatDoesNotAnswerIsNamedWithinTheStartupTimeout() throws IOException {
        CommandRunner runner = new CommandRunner();

        int exit = assertTimeoutPreemptively(NO_HANG, () -> runner.execute("run", "--bootstrap-servers", deadAddress(),
                "--schema-registry-url", "http://" + deadAddress(), "--http-port", "0", "--set", "startup.timeout.seconds=3"));

        assertThat(exit).isEqualTo(1);
        assertThat(oneLine(runner.err.toString())).startsWith("error: cannot reach Kafka at 127.0.0.1:").contains("no broker answered within 3 s");
    }

    @Test
    void aRegistryThatDoesNotAnswerIsNamedBeforeTheStreamsStart(@TempDir Path stateDir) throws IOException {
        EmbeddedPlatform platform = SharedPlatform.get();
        CommandRunner runner = new CommandRunner();
        String registry = "http://" + deadAddress();

        int exit = assertTimeoutPreemptively(NO_HANG, () -> runner.execute("run", "--bootstrap-servers", platform.bootstrapServers(),
                "--schema-registry-url", registry, "--http-port", "0", "--application-id", UniqueNames.of("bad-registry"),
                "--state-dir", stateDir.toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(oneLine(runner.err.toString())).startsWith("error: cannot reach the Schema Registry").contains(registry);
    }

    @Test
    void publishingToABrokerThatDoesNotAnswerFailsInOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("one.txt"), "A title\nA body about ships.");
        CommandRunner runner = new CommandRunner();

        int exit = assertTimeoutPreemptively(NO_HANG, () -> runner.execute("publish", "--bootstrap-servers", deadAddress(),
                "--schema-registry-url", "http://" + deadAddress(), file.toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(oneLine(runner.err.toString())).startsWith("error: cannot reach Kafka at 127.0.0.1:");
    }

    @Test
    void aMalformedTaxonomyNamesTheFileAndLine(@TempDir Path taxonomy) throws IOException {
        for (String file : new String[] {"themes.yaml", "actors.yaml", "cues.yaml"}) {
            Files.copy(Path.of("topology", file), taxonomy.resolve(file));
        }
        Files.writeString(taxonomy.resolve("themes.yaml"), "themes:\n  taiwan: [unclosed\n");
        CommandRunner runner = new CommandRunner();

        int exit = assertTimeoutPreemptively(NO_HANG, () -> runner.execute("run", "--taxonomy", taxonomy.toString(), "--http-port", "0"));

        assertThat(exit).isEqualTo(1);
        assertThat(oneLine(runner.err.toString())).startsWith("error: " + taxonomy.resolve("themes.yaml")).contains("line 2");
    }

    @Test
    void aPortInUseIsNamedWithItsServerAndFlagBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            for (String[] flags : new String[][] {{"--http-port", String.valueOf(port)}, {"--kafka-port", String.valueOf(port), "--http-port", "0"},
                    {"--registry-port", String.valueOf(port), "--http-port", "0"}}) {
                CommandRunner runner = new CommandRunner();
                String[] args = new String[flags.length + 1];
                args[0] = "run";
                System.arraycopy(flags, 0, args, 1, flags.length);

                int exit = assertTimeoutPreemptively(NO_HANG, () -> runner.execute(args));

                assertThat(exit).as(String.join(" ", flags)).isEqualTo(2);
                assertThat(oneLine(runner.err.toString())).startsWith("error: port " + port + " on 127.0.0.1 for the ").contains(flags[0]);
                assertThat(runner.out.toString()).as("nothing was started").doesNotContain("Starting the embedded Kafka broker");
            }
        }
    }

    @Test
    void anUnknownFlagIsOneLineAndExitCodeTwo() {
        CommandRunner runner = new CommandRunner();

        int exit = runner.execute("run", "--no-such-flag");

        assertThat(exit).isEqualTo(2);
        assertThat(oneLine(runner.err.toString())).isEqualTo("error: Unknown option: '--no-such-flag' (see 'tension run --help')");
    }

    /** The error output is exactly one line (no stack trace, no usage screen); returns it. */
    private static String oneLine(String err) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        return err.strip();
    }

    /** An address where nothing listens: a port that was free a moment ago. */
    private static String deadAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
