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
import io.tensionstreams.app.EmbeddedAddress;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopologyConfig;
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
    void theScoresComeOutForThePairsTheFeedsDescribe(@TempDir Path dir) {
        try (SharedBrokerApp app = new SharedBrokerApp("ingest-scores")) {
            app.start(TopologyConfig.defaults(), 3, 1);
            String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
            CommandRunner ingest = new CommandRunner();

            int code = ingest.execute("ingest", "--once", "--feed", base + "/world.rss", "--data-dir", dir.toString(), "--topic",
                    app.names.articles(), "--http-port", "0", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                    platform.schemaRegistryUrl());

            assertThat(code).as(ingest.err.toString()).isZero();
            java.util.Set<String> pairs = new java.util.TreeSet<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
                pairs.addAll(scoredPairs(app));
                return pairs.containsAll(List.of("CN-PH", "CN-US"));
            });
        }
    }

    private static java.util.Set<String> scoredPairs(SharedBrokerApp app) {
        Map<String, Object> config = Map.of("bootstrap.servers", app.platform.bootstrapServers(), "isolation.level", "read_committed",
                "auto.offset.reset", "earliest", "group.id", app.prefix + "-reader-" + System.nanoTime());
        java.util.Set<String> pairs = new java.util.TreeSet<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(app.names.scores()));
            for (int poll = 0; poll < 4; poll++) {
                consumer.poll(java.time.Duration.ofMillis(500)).forEach(record -> pairs.add(record.key()));
            }
        }
        return pairs;
    }

    @Test
    void withoutAddressesTheCommandsUseTheEmbeddedRunOfThisMachine(@TempDir Path dir) throws Exception {
        String previous = System.getProperty("tension.home");
        System.setProperty("tension.home", dir.resolve("home").toString());
        try {
            String base = "http://127.0.0.1:" + feeds.getAddress().getPort();
            String[] noAddresses = {"ingest", "--once", "--feed", base + "/world.rss", "--data-dir", dir.resolve("state").toString(),
                    "--topic", UniqueNames.of("ingest-embedded"), "--http-port", "0"};
            CommandRunner none = new CommandRunner();
            assertThat(none.execute(noAddresses)).isEqualTo(2);
            assertThat(none.err.toString()).contains("no embedded `tension run` is running on this machine");

            EmbeddedAddress.write(new EmbeddedAddress.Address(platform.bootstrapServers(), platform.schemaRegistryUrl()));
            CommandRunner found = new CommandRunner();
            assertThat(found.execute(noAddresses)).as(found.err.toString()).isZero();
            assertThat(found.out.toString()).contains("127.0.0.1: 3 new");
        } finally {
            if (previous == null) {
                System.clearProperty("tension.home");
            } else {
                System.setProperty("tension.home", previous);
            }
        }
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
