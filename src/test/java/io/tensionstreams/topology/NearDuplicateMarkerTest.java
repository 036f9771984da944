package io.tensionstreams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.registry.SchemaRegistryServer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The near-copy stage alone, fed fingerprints chosen bit by bit. */
class NearDuplicateMarkerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(48);
    /** Every fingerprint of the "templated feed" shares this low band and differs elsewhere. */
    private static final long SHARED_BAND = 0xBEEFL;

    private SchemaRegistryServer registry;
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleSignal> in;
    private TestOutputTopic<String, ArticleSignal> out;
    /** What the tasks of other input partitions write to the near-copy index. */
    private TestInputTopic<String, NearDuplicateIndex.Entry> otherTasks;
    private final List<String> lookups = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
        stateDir = Files.createTempDirectory("near-copy-test-");
        Serde<ArticleSignal> signals = AvroSerdes.specificValue(ArticleSignal.class, SchemaRegistryClient.forUrl(registry.url()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NearDuplicateMarker.STORE), Serdes.String(),
                CompactSerdes.nearDuplicateEntry()));
        DuplicateListener listener = new DuplicateListener() {
            @Override
            public void nearDuplicate(String articleId, String originalId) {
                lookups.add(articleId + "->" + originalId);
            }
        };
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NearCopyFingerprints.STORE), Serdes.String(),
                        CompactSerdes.nearDuplicateEntry()).withLoggingDisabled(),
                "fingerprints", Consumed.with(Serdes.String(), CompactSerdes.nearDuplicateEntry()), () -> new NearCopyFingerprints.Updater(WINDOW.toMillis()));
        var marked = builder.stream("signals-in", Consumed.with(Serdes.String(), signals))
                .processValues(() -> new NearDuplicateMarker(WINDOW, listener), NearDuplicateMarker.STORE);
        marked.flatMap((id, signal) -> NearCopyFingerprints.entriesOf(signal))
                .to("fingerprints", Produced.with(Serdes.String(), CompactSerdes.nearDuplicateEntry()));
        marked.to("signals-out", Produced.with(Serdes.String(), signals));
        Properties props = StreamsSettings.of("near-copy-test", "unused:9092", TopologyConfig.defaults().topics(), Map.of("state.dir", stateDir.toString()));
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("signals-in", Serdes.String().serializer(), signals.serializer());
        out = driver.createOutputTopic("signals-out", Serdes.String().deserializer(), signals.deserializer());
        otherTasks = driver.createInputTopic("fingerprints", Serdes.String().serializer(), CompactSerdes.nearDuplicateEntry().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
        Directories.deleteRecursively(stateDir);
    }

    private void publish(String id, long simhash, Instant at) {
        in.pipeInput(id, ArticleSignal.newBuilder().setArticleId(id).setPublishedAt(at).setFingerprint(io.tensionstreams.tagging.SimHash.hex(simhash)).build(), at);
    }

    /** Fingerprints that share {@link #SHARED_BAND} and are far apart in the other 48 bits. */
    private static List<Long> templatedFingerprints(int count) {
        Random random = new Random(11);
        List<Long> fingerprints = new ArrayList<>();
        while (fingerprints.size() < count) {
            long candidate = (random.nextLong() & ~0xFFFFL) | SHARED_BAND;
            if (fingerprints.stream().allMatch(other -> Long.bitCount(other ^ candidate) > 3)) {
                fingerprints.add(candidate);
            }
        }
        return fingerprints;
    }

    private int entriesInSharedBand() {
        KeyValueStore<String, NearDuplicateIndex.Entry> store = driver.getKeyValueStore(NearDuplicateMarker.STORE);
        int count = 0;
        try (KeyValueIterator<String, NearDuplicateIndex.Entry> entries = store.prefixScan("0:beef:", Serdes.String().serializer())) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }

    @Test
    void aCopyIsMarkedWithTheOriginalItNearlyRepeats() {
        publish("original", 0x0123_4567_89AB_CDEFL, T0);
        publish("copy", 0x0123_4567_89AB_CDEFL ^ 0b101L, T0.plusSeconds(60));
        publish("other", 0x7654_3210_FEDC_BA98L, T0.plusSeconds(120));

        Map<String, ArticleSignal> marked = out.readKeyValuesToMap();
        assertThat(marked.get("original").getDuplicateOf()).isNull();
        assertThat(marked.get("copy").getDuplicateOf()).isEqualTo("original");
        assertThat(marked.get("other").getDuplicateOf()).isNull();
    }

    @Test
    void aTemplatedFeedKeepsItsSharedBandBoundedAndTheNewestOriginalsFindable() {
        List<Long> fingerprints = templatedFingerprints(300);
        assertThat(fingerprints.size()).as("more templated originals than a band keeps").isGreaterThan(4 * NearDuplicateIndex.CANDIDATES_PER_BAND);
        for (int i = 0; i < fingerprints.size(); i++) {
            publish("templated-" + i, fingerprints.get(i), T0.plusSeconds(i));
        }
        assertThat(out.readValuesToList()).allSatisfy(signal -> assertThat(signal.getDuplicateOf()).isNull());
        assertThat(entriesInSharedBand()).isLessThanOrEqualTo(NearDuplicateIndex.CANDIDATES_PER_BAND + 1);

        long recent = fingerprints.get(fingerprints.size() - 3);
        publish("copy-of-recent", recent ^ (1L << 40) ^ (1L << 20), T0.plusSeconds(400));

        assertThat(out.readValuesToList()).singleElement()
                .satisfies(signal -> assertThat(signal.getDuplicateOf()).isEqualTo("templated-" + (fingerprints.size() - 3)));
    }

    @Test
    void entriesOlderThanTheWindowAreNeitherMatchedNorKeptOnceALookUpMeetsThem() {
        publish("old", 0x0123_4567_89AB_CDEFL, T0);
        publish("much-later-copy", 0x0123_4567_89AB_CDEFL, T0.plus(WINDOW).plusSeconds(1));

        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.value.getDuplicateOf()).containsOnlyNulls();
        KeyValueStore<String, NearDuplicateIndex.Entry> store = driver.getKeyValueStore(NearDuplicateMarker.STORE);
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, NearDuplicateIndex.Entry> entries = store.all()) {
            entries.forEachRemaining((KeyValue<String, NearDuplicateIndex.Entry> entry) -> ids.add(entry.value.id()));
        }
        assertThat(ids).containsOnly("much-later-copy").hasSize(NearDuplicateIndex.BANDS);
    }

    @Test
    void aCopyOfAnOriginalTaggedOnAnotherPartitionIsFoundInTheGlobalIndex() {
        long fingerprint = 0x1234_5678_9ABC_DEF0L;
        ArticleSignal elsewhere = ArticleSignal.newBuilder().setArticleId("original-elsewhere").setPublishedAt(T0)
                .setFingerprint(io.tensionstreams.tagging.SimHash.hex(fingerprint)).build();
        NearCopyFingerprints.entriesOf(elsewhere).forEach(entry -> otherTasks.pipeInput(entry.key, entry.value));

        publish("copy-here", fingerprint ^ 0b101, T0.plus(Duration.ofHours(2)));

        assertThat(out.readValue().getDuplicateOf()).isEqualTo("original-elsewhere");
        assertThat(NearCopyFingerprints.entriesOf(elsewhere)).as("an original's four bands").hasSize(NearDuplicateIndex.BANDS);
    }

    @Test
    void theGlobalIndexKeepsEachBandBounded() {
        List<Long> fingerprints = templatedFingerprints(3 * NearDuplicateIndex.CANDIDATES_PER_BAND);
        for (int i = 0; i < fingerprints.size(); i++) {
            publish("templated-" + i, fingerprints.get(i), T0.plusSeconds(i));
        }
        KeyValueStore<String, NearDuplicateIndex.Entry> global = driver.getKeyValueStore(NearCopyFingerprints.STORE);
        int shared = 0;
        try (KeyValueIterator<String, NearDuplicateIndex.Entry> entries = global.prefixScan("0:beef:", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (entries.hasNext()) {
                entries.next();
                shared++;
            }
        }
        assertThat(shared).isEqualTo(NearDuplicateIndex.CANDIDATES_PER_BAND);
    }

    @Test
    void keysOfABandSortNewestFirst() {
        NearDuplicateIndex.Entry older = new NearDuplicateIndex.Entry("b-older", 1L, T0.toEpochMilli());
        NearDuplicateIndex.Entry newer = new NearDuplicateIndex.Entry("a-newer", 1L, T0.toEpochMilli() + 1);

        assertThat(NearDuplicateIndex.key("0:1:", newer)).isLessThan(NearDuplicateIndex.key("0:1:", older)).startsWith("0:1:");
    }
}
