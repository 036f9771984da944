package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tension ingest --once}, with the command's own code, from a local feed server into the real embedded broker. */
class IngestCommandTest {
    private final EmbeddedPlatform platform = SharedPlatform.get();
    private HttpServer feeds;

    @BeforeEach
    void serveFeeds() throws IOException {
        feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext("/world.rss", exchange -> {
            byte[] body = fixture("rss.xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feeds.createContext("/down.rss", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        feeds.start();
    }

    @AfterEach
    void stop() {
        feeds.stop(0);
    }

    @Test
    void eachItemLandsOnTheTopicOnceAcrossTwoRunsAndADownFeedIsOneLine(@TempDir Path dir) throws Exception {
        String topic = UniqueNames.of("ingest");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
        Path list = Files.writeString(dir.resolve("feeds.txt"), base + "/world.rss Harbour Gazette\n" + base + "/down.rss Down Daily\n");

        CommandRunner first = new CommandRunner();
        int firstCode = first.execute(args(list, dir, topic));
        CommandRunner second = new CommandRunner();
        int secondCode = second.execute(args(list, dir, topic));

        assertThat(firstCode).as("a feed was down").isEqualTo(1);
        assertThat(first.out.toString()).contains("Harbour Gazette: 3 new, 0 seen before, skipped {no-guid-or-link=1, no-title-or-text=1}")
                .contains("Down Daily: error: HTTP 503");
        assertThat(second.out.toString()).contains("Harbour Gazette: 0 new, 3 seen before");
        assertThat(secondCode).isEqualTo(1);
        assertThat(records(topic)).as("three items, each once").isEqualTo(3);
        assertThat(Files.readString(dir.resolve("state/ingest-state.json"))).contains("/world.rss").contains("lastSuccess");
    }

    @Test
    void aFailingFeedWaitsTwiceAsLongEachTimeUpToAnHourWithJitter() {
        java.time.Duration interval = java.time.Duration.ofMinutes(5);

        assertThat(IngestCommand.nextDelay(interval, 0)).isBetween(java.time.Duration.ofSeconds(270), java.time.Duration.ofSeconds(330));
        assertThat(IngestCommand.nextDelay(interval, 2)).isBetween(java.time.Duration.ofSeconds(1080), java.time.Duration.ofSeconds(1320));
        assertThat(IngestCommand.nextDelay(interval, 10)).isBetween(java.time.Duration.ofSeconds(3240), java.time.Duration.ofSeconds(3960));
    }

    private String[] args(Path list, Path dir, String topic) {
        return new String[] {"ingest", "--once", "--feeds", list.toString(), "--data-dir", dir.resolve("state").toString(), "--topic", topic,
                "--http-port", "0", "--timeout", "PT10S", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl()};
    }

    private long records(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = IngestCommandTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
