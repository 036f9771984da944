package io.tensionstreams.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that cannot start cleans up after itself. Each test gives the broker its own temporary
 * root, so that brokers other tests start meanwhile (some run concurrently) are not counted.
 */
class EmbeddedKafkaFailedStartTest {

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    @Test
    void aBrokerThatCannotStartLeavesNoTemporaryDirectory(@TempDir Path tempRoot) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(taken.getLocalPort(), null, Map.of(), FreePort::orAny, tempRoot))
                    .isInstanceOf(RuntimeException.class);
        }

        assertThat(entries(tempRoot)).as("directories left by the failed start").isZero();
    }

    @Test
    void aPortChosenForTheBrokerButTakenBeforeItBindsIsChosenAgain(@TempDir Path tempRoot) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger choices = new AtomicInteger();
            // The first choice is a port someone else has bound since: the race a free-port choice cannot close.
            UnaryOperator<int[]> takenFirst = requested -> choices.getAndIncrement() == 0
                    ? FreePort.orAny(taken.getLocalPort(), 0)
                    : FreePort.orAny(requested);

            try (EmbeddedKafka kafka = EmbeddedKafka.start(0, null, Map.of(), takenFirst, tempRoot)) {
                assertThat(choices).hasValue(2);
                assertThat(kafka.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(entries(tempRoot)).as("the running broker's directory only").isOne();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertThat(entries(tempRoot)).as("directories left by the failed first start and the closed broker").isZero();
    }
}
