package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.tensionstreams.avro.Article;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the input topic with an idempotent producer (a retry never writes an
 * article twice), keyed by article id.
 */
final class ArticlePublisher implements AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final String topic;

    ArticlePublisher(String bootstrapServers, Map<String, Object> clientSettings, SchemaRegistryClient registry, String topic) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), AvroSerdes.specificValue(Article.class, registry).serializer());
        this.topic = topic;
    }

    static Article toAvro(InputArticle input) {
        return Article.newBuilder()
                .setId(input.id())
                .setTitle(input.title() == null ? "" : input.title())
                .setBody(input.body() == null ? "" : input.body())
                .setUrl(input.url())
                .setSource(input.source())
                .setPublishedAt(input.published())
                .build();
    }

    /** Sends every article and waits for all of them; returns how many the broker acknowledged. */
    int publishAll(List<InputArticle> articles, Progress progress) throws InterruptedException {
        List<Future<RecordMetadata>> sent = articles.stream().map(this::send).toList();
        int done = 0;
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
                done++;
                progress.advance(done, articles.size());
            } catch (ExecutionException e) {
                throw new IllegalStateException("publishing failed after " + done + " articles: " + FailureHandler.describe(e.getCause()), e.getCause());
            }
        }
        return done;
    }

    /** Sends without waiting; {@link #flush} waits for everything sent. */
    void publishAsync(InputArticle input) {
        send(input);
    }

    void flush() {
        producer.flush();
    }

    private Future<RecordMetadata> send(InputArticle input) {
        Article article = toAvro(input);
        // The record's own timestamp is the time of publishing (the producer's clock), not publishedAt:
        // topic retention counts from it, and an archive article stamped with its publication date
        // would be deleted by a seven-day retention before the application read it. Event time
        // comes from publishedAt in the value (ArticleTimestampExtractor).
        return producer.send(new ProducerRecord<>(topic, article.getId(), article));
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Reports publishing progress: a bar on a terminal, nothing otherwise. */
    interface Progress {
        void advance(int done, int total);

        static Progress none() {
            return (done, total) -> { };
        }

        static Progress bar(PrintWriter out) {
            return (done, total) -> {
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
                if (done == total) {
                    out.println();
                }
                out.flush();
            };
        }
    }
}
