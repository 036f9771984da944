package io.tensionstreams.topology;

import java.time.Duration;
import java.util.List;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.scoring.PairHistory;
import io.tensionstreams.scoring.Contribution;
import io.tensionstreams.scoring.PairWindow;
import io.tensionstreams.tagging.Tagger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The tension topology of DESIGN.md, drawn in docs/ARCHITECTURE.md:
 *
 * <pre>
 * articles -> validate -> [articles-by-id, only for records not keyed by their id] -> drop exact duplicates
 *          -> tag -> mark near-copies (this task's recent originals + the global near-copy index)
 *          -> originals wait near.duplicate.settle (1 s) and are looked up again, the earliest by (time, id) counting
 *          -> article-signals;  originals' band entries -> near-copy-fingerprints -> global near-copy index
 *          -> count articles per window and partition -> window-article-counts -> global window totals
 *          -> one contribution per (article, pair), and a tick per 10 minutes of stream time to every partition
 *          -> [pair-contributions, --partitions partitions] -> for each window size:
 *               windowed aggregate -> attention share from the window totals -> tension-scores (every update)
 *                                  -> held until the window's end + final delay -> tension-scores-final (again, revised,
 *                                     for a late article within the grace) -> the pair's history -> tension-alerts
 * </pre>
 *
 * Every processor, store and internal topic is named, so a change to the topology never silently
 * renames state. No stage runs on a single partition: everything up to the contributions runs in
 * the input's tasks, the aggregation in the pair repartition's, and the two indexes every task must
 * see (near-copy fingerprints, window totals) are global stores each task writes its own part of.
 */
public final class TensionTopology {
    /** The pair-window stores are named {@code pair-scores-<size>}, such as {@code pair-scores-PT1H}. */
    public static final String SCORE_STORE_PREFIX = "pair-scores-";
    /** Window stores keep 30 windows (at least size + grace) so the dashboard can show a history. */
    private static final int RETAINED_WINDOWS = 30;

    private TensionTopology() {
    }

    public static String scoreStore(Duration windowSize) {
        return SCORE_STORE_PREFIX + TopologyConfig.label(windowSize);
    }

    public static Topology build(TopologyConfig config, Topics topics, Tagger tagger, TopologyListeners listeners) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, config);
        KStream<String, ArticleSignal> marked = signals(builder, config, topics, tagger, listeners);
        // The fingerprints go out at once, so that other tasks see them while this article settles.
        marked.flatMap((id, signal) -> NearCopyFingerprints.entriesOf(signal), Named.as("fingerprints-of-originals"))
                .to(config.topics().fingerprints(), Produced.with(Serdes.String(), CompactSerdes.nearDuplicateEntry()).withName("fingerprints-sink"));
        KStream<String, ArticleSignal> signals = marked.process(() -> new NearCopySettler(config.nearDuplicateSettle(), config.nearDuplicateWindow(),
                listeners.duplicates()), Named.as("settle-near-copies"), NearCopySettler.STORE);
        signals.to(topics.signals().name(), Produced.with(topics.signals().keySerde(), topics.signals().valueSerde()).withName("article-signals-sink"));

        KStream<String, ArticleSignal> originals = signals.filter((id, signal) -> signal.getDuplicateOf() == null, Named.as("skip-near-duplicates"));
        originals.process(() -> new WindowArticleCounter(config.windows(), countRetention(config)), Named.as("count-window-articles"),
                        WindowArticleCounter.STORE)
                .to(config.topics().windowCounts(), Produced.with(Serdes.String(), Serdes.Long()).withName("window-counts-sink"));
        // Every signal, copies included, moves the ticks on; only originals contribute.
        KGroupedStream<String, Contribution> byPair = signals
                .process(ContributionsProcessor::new, Named.as("contributions-by-pair"))
                .repartition(Repartitioned.<String, Contribution>as("pair-contributions")
                        .withKeySerde(Serdes.String()).withValueSerde(CompactSerdes.contribution())
                        .withStreamPartitioner(StreamTimeTicks.partitioner())
                        // Explicit, so that adding instances spreads the aggregation however the input is partitioned.
                        .withNumberOfPartitions(config.partitions()))
                // On the aggregation's side of the repartition, so that it sees the stream time the windows close by.
                .processValues(() -> new LateContributionCounter(config.windows(), config.grace(), listeners.duplicates()),
                        Named.as("count-late-contributions"))
                .groupByKey(Grouped.with("pair-contributions", Serdes.String(), CompactSerdes.contribution()));

        KStream<String, TensionScore> finals = null;
        for (Duration size : config.windows()) {
            KStream<String, TensionScore> windowFinals = scoreWindows(builder, byPair, size, config, topics, listeners.scores());
            finals = finals == null ? windowFinals : finals.merge(windowFinals, Named.as("merge-final-scores-" + TopologyConfig.label(size)));
        }
        finals.process(() -> new AlertProcessor(config.alerts(), listeners.alerts()), Named.as("judge-alerts"), AlertProcessor.STORE)
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde()).withName("tension-alerts-sink"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, TopologyConfig config) {
        Duration retention = config.duplicateRetention();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ExactDuplicateFilter.STORE, retention, retention, false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NearDuplicateMarker.STORE), Serdes.String(), CompactSerdes.nearDuplicateEntry()));
        // In memory, still with its changelog: it holds about a second of articles, and RocksDB's put, range read and
        // delete per article cost more than the articles it holds are worth on disk.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(NearCopySettler.STORE), Serdes.String(), new PlainAvroSerde<ArticleSignal>(ArticleSignal.getClassSchema())));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NearCopyFingerprints.STORE), Serdes.String(),
                        CompactSerdes.nearDuplicateEntry()).withLoggingDisabled(),
                config.topics().fingerprints(), Consumed.with(Serdes.String(), CompactSerdes.nearDuplicateEntry()).withName("fingerprints-source"),
                () -> new NearCopyFingerprints.Updater(config.nearDuplicateWindow().toMillis()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertProcessor.STORE), Serdes.String(), new JsonSerde<>(PairHistory.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WindowArticleCounter.STORE), Serdes.String(), Serdes.Long()));
        // The window-counts topic is this store's changelog: a global store is restored from its source.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WindowTotals.STORE), Serdes.String(), Serdes.Long())
                        .withLoggingDisabled(),
                config.topics().windowCounts(), Consumed.with(Serdes.String(), Serdes.Long()).withName("window-counts-source"), WindowTotalsUpdater::new);
    }

    /** How long a window's count is kept: as long as the longest-kept pair window that may ask for it. */
    private static Duration countRetention(TopologyConfig config) {
        return config.windows().stream().map(size -> storeRetention(size, config)).max(Duration::compareTo).orElseThrow();
    }

    private static Duration storeRetention(Duration size, TopologyConfig config) {
        return size.multipliedBy(RETAINED_WINDOWS).compareTo(size.plus(config.grace())) > 0
                ? size.multipliedBy(RETAINED_WINDOWS) : size.plus(config.grace());
    }

    /**
     * The articles keyed by the id in their value, so that every copy of an id meets the same
     * duplicate filter whatever key it was published under. Articles already keyed by their id (as
     * {@code tension publish} and the README ask) go straight on; only the others cross a
     * repartition topic, which partitions like a producer's default partitioner.
     */
    private static KStream<String, Article> byArticleId(KStream<String, Article> articles, Topics topics) {
        KStream<String, Article> rekeyed = articles
                .filterNot((key, article) -> article.getId().equals(key), Named.as("keyed-otherwise"))
                .selectKey((key, article) -> article.getId(), Named.as("rekey-by-article-id"))
                .repartition(Repartitioned.<String, Article>as("articles-by-id")
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.articles().valueSerde()));
        return articles
                .filter((key, article) -> article.getId().equals(key), Named.as("keyed-by-id"))
                .merge(rekeyed, Named.as("merge-articles-by-id"));
    }

    private static KStream<String, ArticleSignal> signals(StreamsBuilder builder, TopologyConfig config, Topics topics, Tagger tagger,
                                                          TopologyListeners listeners) {
        SignalMapper mapper = new SignalMapper(tagger, listeners.tagging());
        KStream<String, Article> valid = builder.stream(topics.articles().name(),
                        Consumed.with(topics.articles().keySerde(), topics.articles().valueSerde())
                                .withTimestampExtractor(new ArticleTimestampExtractor())
                                .withName("articles-source"))
                .processValues(() -> new ArticleValidator(config.maxBodyChars(), config.earliestPublishedAt(), listeners.rejections()), Named.as("validate-article"));
        return byArticleId(valid, topics)
                .processValues(() -> new ExactDuplicateFilter(config.duplicateRetention(), listeners.duplicates()),
                        Named.as("drop-exact-duplicates"), ExactDuplicateFilter.STORE)
                .processValues(() -> new TagProcessor(mapper), Named.as("tag-article"))
                // On the input partition, right after tagging: no stage sees every article (see NearDuplicateMarker).
                .processValues(() -> new NearDuplicateMarker(config.nearDuplicateWindow(), listeners.duplicates()),
                        Named.as("mark-near-duplicates"), NearDuplicateMarker.STORE);
    }

    private static KStream<String, TensionScore> scoreWindows(StreamsBuilder builder, KGroupedStream<String, Contribution> byPair,
                                                            Duration size, TopologyConfig config, Topics topics,
                                                            TopologyListeners.ScoreListener listener) {
        String label = TopologyConfig.label(size);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FinalScoreEmitter.pendingStore(label)),
                Serdes.String(), CompactSerdes.pairWindow()));
        ScoreMapper mapper = new ScoreMapper(label, config.evidenceScale());
        TimeWindows windows = TimeWindows.ofSizeAndGrace(size, config.grace());
        Duration retention = storeRetention(size, config);
        int topN = config.topArticles();

        KTable<Windowed<String>, PairWindow> aggregates = byPair.windowedBy(windows)
                .aggregate(PairWindow::empty, (pair, contribution, window) -> StreamTimeTicks.isTick(pair) ? window : window.add(contribution, topN),
                        Named.as("aggregate-" + label),
                        Materialized.<String, PairWindow, WindowStore<Bytes, byte[]>>as(scoreStore(size))
                                .withKeySerde(Serdes.String()).withValueSerde(CompactSerdes.pairWindow()).withRetention(retention));
        aggregates.toStream(Named.as("score-updates-" + label))
                .filter((window, aggregate) -> aggregate != null && !StreamTimeTicks.isTick(window.key()), Named.as("skip-empty-updates-" + label))
                .map((window, aggregate) -> KeyValue.pair(window.key(), mapper.scoreOf(window, aggregate, false)), Named.as("to-score-" + label))
                .processValues(AttentionShareFiller::new, Named.as("attention-share-" + label))
                .peek((pair, score) -> listener.scored(score), Named.as("observe-score-" + label))
                .to(topics.scores().name(), Produced.with(topics.scores().keySerde(), topics.scores().valueSerde()).withName("tension-scores-sink-" + label));

        // The final score is the same aggregate, written once stream time passes the window's end and
        // the final delay, and again (revised) for each late article within the grace: see FinalScoreEmitter.
        String pending = FinalScoreEmitter.pendingStore(label);
        KStream<String, TensionScore> finals = aggregates.toStream(Named.as("final-candidates-" + label))
                .process(() -> new FinalScoreEmitter(pending, size.toMillis(), config.finalDelay().toMillis(), config.grace().toMillis(), mapper),
                        Named.as("write-final-when-due-" + label), pending)
                .processValues(AttentionShareFiller::new, Named.as("final-attention-share-" + label));
        finals.to(topics.finalScores().name(), Produced.with(topics.finalScores().keySerde(), topics.finalScores().valueSerde())
                .withName("tension-scores-final-sink-" + label));
        return finals;
    }

}
