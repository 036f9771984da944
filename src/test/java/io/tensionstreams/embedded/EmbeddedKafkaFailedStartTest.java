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
import java.util.stream.Stream;

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
}
