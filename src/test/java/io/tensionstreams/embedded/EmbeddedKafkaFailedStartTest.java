package io.tensionstreams.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaFailedStartTest {

    private static List<Path> brokerTempDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("tension-kafka-")).toList();
        }
    }

    @Test
    void aBrokerThatCannotStartLeavesNoTemporaryDirectory() throws IOException {
        List<Path> before = brokerTempDirs();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(taken.getLocalPort(), null, Map.of())).isInstanceOf(RuntimeException.class);
        }

        assertThat(brokerTempDirs()).as("no tension-kafka-* directory left by the failed start").isSubsetOf(before);
    }

    @Test
    void aPortChosenForTheBrokerButTakenBeforeItBindsIsChosenAgain() throws IOException {
        List<Path> before = brokerTempDirs();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger choices = new AtomicInteger();
            // The first choice is a port someone else has bound since: the race a free-port choice cannot close.
            UnaryOperator<int[]> takenFirst = requested -> choices.getAndIncrement() == 0
                    ? FreePort.orAny(taken.getLocalPort(), 0)
                    : FreePort.orAny(requested);

            try (EmbeddedKafka kafka = EmbeddedKafka.start(0, null, Map.of(), takenFirst)) {
                assertThat(choices).hasValue(2);
                assertThat(kafka.port()).isNotEqualTo(taken.getLocalPort());
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertThat(brokerTempDirs()).as("the failed first start left no directory").isSubsetOf(before);
    }
}
