package io.tensionstreams.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the input topic with an idempotent producer (a retry never writes an
 * article twice), keyed by article id.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final KafkaProducer<String, Article> producer;
    private final String topic;

    public ArticlePublisher(String bootstrapServers, Map<String, Object> clientSettings, SchemaRegistryClient registry, String topic) {
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

    public static Article toAvro(InputArticle input) {
        return Article.newBuilder()
                .setId(input.id())
                .setTitle(input.title() == null ? "" : input.title())
                .setBody(input.body() == null ? "" : input.body())
                .setUrl(input.url())
                .setSource(input.source())
                .setPublishedAt(input.published())
                .build();
    }

    /** What a batch came to: how many articles the broker acknowledged, and each one it did not, with its origin. */
    public record Outcome(int published, List<ArticleReader.Problem> failures) {
        /** Fails with the first failure: for callers whose articles cannot be bad (the demo's samples). */
        public Outcome requireAll() {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("publishing failed: " + failures.get(0));
            }
            return this;
        }
    }

    /**
     * Sends every article and waits for all of them. An article the producer or the broker refuses
     * (too large, a value it cannot serialise) is a failure of that article alone, reported with its
     * file and line; the others are still published.
     */
    public Outcome publishAll(List<InputArticle> articles, Progress progress) throws InterruptedException {
        return publish(articles, ArticlePublisher::toAvro, InputArticle::origin, progress);
    }

    /** As {@link #publishAll}, for articles already in their Avro form; a failure names the article by {@code origin}. */
    public Outcome publishArticles(List<Article> articles, java.util.function.Function<Article, String> origin) throws InterruptedException {
        return publish(articles, article -> article, origin, Progress.none());
    }

    private <T> Outcome publish(List<T> items, java.util.function.Function<T, Article> toArticle, java.util.function.Function<T, String> origin,
                                Progress progress) throws InterruptedException {
        List<ArticleReader.Problem> failures = new ArrayList<>();
        Map<T, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        for (T item : items) {
            try {
                sent.put(item, send(toArticle.apply(item)));
            } catch (KafkaException | ArithmeticException | IllegalArgumentException e) {
                failures.add(new ArticleReader.Problem(origin.apply(item), Failures.describe(e)));
            }
        }
        int done = 0;
        for (Map.Entry<T, Future<RecordMetadata>> entry : sent.entrySet()) {
            try {
                entry.getValue().get();
                done++;
            } catch (ExecutionException e) {
                failures.add(new ArticleReader.Problem(origin.apply(entry.getKey()), Failures.describe(e.getCause())));
            }
            progress.advance(done + failures.size(), items.size());
        }
        return new Outcome(done, failures);
    }

    /** Sends without waiting; {@link #flush} waits for everything sent. */
    public void publishAsync(InputArticle input) {
        send(toAvro(input));
    }

    public void flush() {
        producer.flush();
    }

    private Future<RecordMetadata> send(Article article) {
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
    public interface Progress {
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
