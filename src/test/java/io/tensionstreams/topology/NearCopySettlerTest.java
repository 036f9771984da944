package io.tensionstreams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.tagging.SimHash;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The settle step alone, with this instance's global index in the test's hands: what another
 * task indexed, and whether this task's own fingerprints have come back through the topic yet.
 */
class NearCopySettlerTest {
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final long STORY = 0x0123_4567_89AB_CDEFL;
    /** Two bits off: a near-copy of {@link #STORY}. */
    private static final long COPY = STORY ^ 0b101L;

    private final MockProcessorContext<String, ArticleSignal> context = new MockProcessorContext<>();
    private KeyValueStore<String, NearDuplicateIndex.Entry> everyTask;
    private final NearCopySettler settler = new NearCopySettler(SETTLE, Duration.ofHours(48), DuplicateListener.NONE);
    private long wallClock = 1_000_000L;

    @BeforeEach
    void start() {
        KeyValueStore<String, ArticleSignal> settling = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NearCopySettler.STORE),
                Serdes.String(), new PlainAvroSerde<ArticleSignal>(ArticleSignal.getClassSchema())).withLoggingDisabled().build();
        everyTask = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NearCopyFingerprints.STORE), Serdes.String(),
                CompactSerdes.nearDuplicateEntry()).withLoggingDisabled().build();
        settling.init(context.getStateStoreContext(), settling);
        everyTask.init(context.getStateStoreContext(), everyTask);
        context.addStateStore(settling);
        context.addStateStore(everyTask);
        context.setCurrentSystemTimeMs(wallClock);
        settler.init(context);
    }

    @Test
    void anOriginalWaitsPastTheSettleTimeUntilItsOwnFingerprintIsInTheIndex() {
        ArticleSignal original = signal("wire-story", STORY, T0);
        process(original);

        advance(SETTLE.multipliedBy(3));
        assertThat(released()).as("its transaction has not reached the global index yet").isEmpty();

        indexed(original);
        advance(Duration.ofMillis(10));
        assertThat(released()).containsExactly("wire-story");
    }

    @Test
    void aCopyOnAnotherPartitionThatShowsUpWhileTheOriginalWaitsStillCountsOnce() {
        // A busy machine: the settle time has passed before either fingerprint reached the index.
        ArticleSignal later = signal("b-syndicated", COPY, T0.plusSeconds(60));
        process(later);
        advance(SETTLE.multipliedBy(2));

        indexed(signal("a-original", STORY, T0)); // the other task's original, earlier by event time
        indexed(later);
        advance(Duration.ofMillis(10));

        assertThat(context.forwarded()).singleElement().satisfies(forwarded ->
                assertThat(forwarded.record().value().getDuplicateOf()).isEqualTo("a-original"));
    }

    @Test
    void articlesLeaveInTheOrderTheyCameSoACopyBehindAWaitingOriginalWaitsToo() {
        process(signal("first", STORY, T0));
        ArticleSignal copy = ArticleSignal.newBuilder(signal("second", COPY, T0.plusSeconds(5))).setDuplicateOf("first").build();
        process(copy);

        advance(SETTLE.multipliedBy(2));
        assertThat(released()).isEmpty();

        indexed(signal("first", STORY, T0));
        advance(Duration.ofMillis(10));
        assertThat(released()).containsExactly("first", "second");
    }

    @Test
    void anOriginalWhoseFingerprintNeverComesBackGoesOnAfterTheLongestWait() {
        process(signal("pruned", STORY, T0));

        advance(NearCopySettler.MAX_WAIT.minusMillis(10));
        assertThat(released()).isEmpty();

        advance(Duration.ofMillis(20));
        assertThat(released()).containsExactly("pruned");
    }

    @Test
    void anArticleWithoutAFingerprintNeedsNoIndexAndLeavesAfterTheSettleTime() {
        process(signal("empty-body", 0L, T0));

        advance(SETTLE.plusMillis(10));
        assertThat(released()).containsExactly("empty-body");
    }

    private void process(ArticleSignal signal) {
        settler.process(new Record<>(signal.getArticleId(), signal, signal.getPublishedAt().toEpochMilli()));
    }

    /** The wall clock moves on and the task's punctuation runs, as on a quiet partition. */
    private void advance(Duration by) {
        wallClock += by.toMillis();
        context.setCurrentSystemTimeMs(wallClock);
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(wallClock));
    }

    /** The fingerprint's entries come through the topic into this instance's global index. */
    private void indexed(ArticleSignal signal) {
        List<KeyValue<String, NearDuplicateIndex.Entry>> entries = NearCopyFingerprints.entriesOf(signal);
        entries.forEach(entry -> everyTask.put(entry.key, entry.value));
    }

    private List<String> released() {
        return context.forwarded().stream().map(forwarded -> (String) forwarded.record().key()).toList();
    }

    private static ArticleSignal signal(String id, long simhash, Instant publishedAt) {
        return ArticleSignal.newBuilder().setArticleId(id).setPublishedAt(publishedAt).setFingerprint(SimHash.hex(simhash)).build();
    }
}
