package io.tensionstreams.topology;

import io.tensionstreams.avro.Article;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the article's {@code publishedAt}. A time in the future of the record's own
 * timestamp is a publisher's clock or typo, so it is clamped to the record timestamp; an article
 * with no {@code publishedAt} takes the record timestamp, and so does one dated before 1970: Kafka
 * Streams silently skips a record with a negative event time, and the validator must see it to
 * send it to the dead-letter topic with its reason.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Article article && article.getPublishedAt() != null && article.getPublishedAt().toEpochMilli() >= 0) {
            return Math.min(article.getPublishedAt().toEpochMilli(), record.timestamp());
        }
        return record.timestamp();
    }
}
