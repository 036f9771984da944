package io.tensionstreams.topology;

import io.tensionstreams.avro.Article;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of {@code tension bench}: reads Avro articles with the same serdes and guarantee as
 * the tension topology and writes them unchanged. What it costs is the floor of any topology here.
 */
public final class PassthroughTopology {
    private PassthroughTopology() {
    }

    public static Topology build(Topics.Topic<String, Article> input, String outputTopic, Runnable onRecord) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()).withName("passthrough-source"))
                .peek((key, article) -> onRecord.run(), Named.as("count-passthrough"))
                .to(outputTopic, Produced.with(input.keySerde(), input.valueSerde()).withName("passthrough-sink"));
        return builder.build();
    }
}
