package io.tensionstreams.topology;

import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.scoring.Attention;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Completes a pair's score with the window's total of articles and the pair's share of them, read
 * from the global window totals. The total is counted on other partitions and reaches this store
 * through the global table, so a live update may miss the last moment's articles; a final score,
 * written after the window's grace, sees them.
 */
final class AttentionShareFiller implements FixedKeyProcessor<String, TensionScore, TensionScore> {
    private FixedKeyProcessorContext<String, TensionScore> context;
    private KeyValueStore<String, Long> totals;

    @Override
    public void init(FixedKeyProcessorContext<String, TensionScore> context) {
        this.context = context;
        this.totals = context.getStateStore(WindowTotals.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, TensionScore> record) {
        TensionScore score = record.value();
        // Never fewer than the pair's own articles: those were counted, though maybe not yet read back.
        long windowArticles = Math.max(score.getArticles(), WindowTotals.of(totals, score.getWindowSize(), score.getWindowStart().toEpochMilli()));
        score.setWindowArticles((int) Math.min(Integer.MAX_VALUE, windowArticles));
        score.setAttentionShare(ScoreMapper.round(Attention.share(score.getArticles(), windowArticles)));
        context.forward(record.withValue(score));
    }
}
