package io.tensionstreams.topology;

import java.time.Duration;

import io.tensionstreams.avro.Article;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an article whose id was seen within the retention, before it costs a tagging. The ids live
 * in a window store whose segments expire with stream time, so the store does not grow forever
 * (the deduplication pattern of Confluent's tutorials). Its input is keyed by the article id of
 * the value (see {@code TensionTopology.byArticleId}), so every copy of an id reaches the same task.
 */
final class ExactDuplicateFilter implements FixedKeyProcessor<String, Article, Article> {
    static final String STORE = "article-ids-seen";

    private final Duration retention;
    private final DuplicateListener listener;
    private FixedKeyProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    ExactDuplicateFilter(Duration retention, DuplicateListener listener) {
        this.retention = retention;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        String id = record.value().getId();
        long time = record.timestamp();
        if (seenWithinRetention(id, time)) {
            listener.exactDuplicate(id);
            return;
        }
        seen.put(id, time, time);
        context.forward(record);
    }

    private boolean seenWithinRetention(String id, long time) {
        long span = retention.toMillis();
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - span, time + span)) {
            return earlier.hasNext();
        }
    }
}
