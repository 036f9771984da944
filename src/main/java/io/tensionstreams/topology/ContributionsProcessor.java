package io.tensionstreams.topology;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.PairSignal;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.scoring.Contribution;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** One contribution per (original article, pair), keyed by pair; and, as stream time passes, a tick for every aggregation partition. */
final class ContributionsProcessor implements Processor<String, ArticleSignal, String, Contribution> {
    private ProcessorContext<String, Contribution> context;

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
        context.schedule(StreamTimeTicks.INTERVAL, PunctuationType.STREAM_TIME,
                streamTime -> context.forward(new Record<>(StreamTimeTicks.KEY, StreamTimeTicks.value(), streamTime)));
    }

    @Override
    public void process(Record<String, ArticleSignal> record) {
        ArticleSignal signal = record.value();
        if (signal.getDuplicateOf() != null) {
            return;
        }
        for (PairSignal pair : signal.getPairs()) {
            Contribution contribution = new Contribution(signal.getArticleId(), signal.getSource(), pair.getPair(), pair.getEscalation(),
                    pair.getDeescalation(), pair.getTension(), pair.getCentrality() == null ? pair.getTension() : pair.getCentrality(),
                    pair.getThemes(), signal.getMentions().stream().map(ThemeHit::getTheme).toList());
            context.forward(record.withKey(pair.getPair()).withValue(contribution));
        }
    }
}
