package io.tensionstreams.topology;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Each topic once, with its serdes, so that a stream and a sink of the same topic cannot disagree
 * (after {@code domain/Schemas.java} in Confluent's kafka-streams-examples).
 */
public record Topics(Topic<String, Article> articles, Topic<String, ArticleSignal> signals, Topic<String, TensionScore> scores,
                     Topic<String, TensionScore> finalScores, Topic<String, TensionAlert> alerts) {

    /** A topic's name and the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    }

    /**
     * Topics whose serdes point at no registry: enough to build and describe the topology, which
     * serialises nothing.
     */
    public static Topics forDescription(TopicNames names) {
        return of(names, SchemaRegistryClient.forUrl("http://registry.not-used.invalid"));
    }

    public static Topics of(TopicNames names, SchemaRegistryClient registry) {
        Serde<String> keys = Serdes.String();
        Serde<TensionScore> scores = AvroSerdes.specificValue(TensionScore.class, registry);
        return new Topics(
                new Topic<>(names.articles(), keys, AvroSerdes.specificValue(Article.class, registry)),
                new Topic<>(names.signals(), keys, AvroSerdes.specificValue(ArticleSignal.class, registry)),
                new Topic<>(names.scores(), keys, scores),
                new Topic<>(names.finalScores(), keys, scores),
                new Topic<>(names.alerts(), keys, AvroSerdes.specificValue(TensionAlert.class, registry)));
    }
}
