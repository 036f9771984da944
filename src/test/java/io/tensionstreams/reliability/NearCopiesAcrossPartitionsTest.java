package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Near-copies that land on every input partition, on a real broker: each is marked as a copy of
 * its original, whichever partition tagged the original, so each story counts once.
 */
@Tag("reliability")
class NearCopiesAcrossPartitionsTest {
    private static final int PARTITIONS = 6;
    private static final Instant T0 = ScoreLedger.recentStart();

    @Test
    void copiesOnEveryPartitionPointAtTheirOriginalAndEachStoryCountsOnce() {
        try (SharedBrokerApp app = new SharedBrokerApp("near-copies")) {
            app.start(TopologyConfig.defaults(), PARTITIONS, 2);
            List<Article> originals = new ArrayList<>();
            for (int story = 0; story < 6; story++) {
                originals.add(Stories.waterCannon("story-" + story, T0.plusSeconds(60L * story)));
            }
            ScoreLedger.publish(app.platform.bootstrapServers(), app.registry, app.names.articles(), originals, 0);
            // The originals are tagged and their fingerprints committed before the copies come (the race window is stated, not tested).
            Map<String, ArticleSignal> signals = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> read(app, signals) >= originals.size());

            List<Article> copies = new ArrayList<>();
            Map<String, String> originalOf = new HashMap<>();
            Set<Integer> partitionsOfCopies = new HashSet<>();
            for (Article original : originals) {
                for (int copy = 0; copy < 5; copy++) {
                    String id = original.getId() + "-syndicated-" + copy;
                    copies.add(Stories.article(id, original.getTitle(), original.getBody(), "syndicate-" + copy, original.getPublishedAt().plusSeconds(600)));
                    originalOf.put(id, original.getId());
                    partitionsOfCopies.add(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS);
                }
            }
            assertThat(partitionsOfCopies).as("copies on every input partition").hasSize(PARTITIONS);
            ScoreLedger.publish(app.platform.bootstrapServers(), app.registry, app.names.articles(), copies, 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> read(app, signals) >= originals.size() + copies.size());

            originalOf.forEach((copy, original) -> assertThat(signals.get(copy).getDuplicateOf()).as(copy).isEqualTo(original));
            originals.forEach(original -> assertThat(signals.get(original.getId()).getDuplicateOf()).isNull());
        }
    }

    /** Reads the signals topic from the beginning into {@code signals}; returns how many it holds. */
    private static int read(SharedBrokerApp app, Map<String, ArticleSignal> signals) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, app.prefix + "-reader-" + System.nanoTime());
        try (KafkaConsumer<String, ArticleSignal> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.specificValue(ArticleSignal.class, app.registry).deserializer())) {
            consumer.subscribe(List.of(app.names.signals()));
            for (int poll = 0; poll < 5; poll++) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> signals.put(record.key(), record.value()));
            }
        }
        return signals.size();
    }
}
