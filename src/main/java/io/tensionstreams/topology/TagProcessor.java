package io.tensionstreams.topology;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Tags each article at its event time (officials resolve to countries by the publication date). */
final class TagProcessor implements FixedKeyProcessor<String, Article, ArticleSignal> {
    private final SignalMapper mapper;
    private FixedKeyProcessorContext<String, ArticleSignal> context;

    TagProcessor(SignalMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleSignal> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        context.forward(record.withValue(mapper.signalOf(record.value(), record.timestamp())));
    }
}
