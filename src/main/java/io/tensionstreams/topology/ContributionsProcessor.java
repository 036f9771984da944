package io.tensionstreams.topology;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.PairSignal;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.scoring.Contribution;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * One contribution per (original article, pair), keyed by pair; and, every
 * {@link StreamTimeTicks#INTERVAL} of the event time of the articles it has passed on, a tick for
 * every aggregation partition. The ticks follow the articles this task has let through, not the
 * task's input: articles settling for near-copies ({@link NearCopySettler}) are not overtaken by them.
 */
final class ContributionsProcessor implements Processor<String, ArticleSignal, String, Contribution> {
    private ProcessorContext<String, Contribution> context;
    /** The event time of the last tick; in memory, so a restarted task ticks with its first article. */
    private long lastTick = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ArticleSignal> record) {
        ArticleSignal signal = record.value();
        if (signal.getDuplicateOf() == null) {
            for (PairSignal pair : signal.getPairs()) {
                context.forward(record.withKey(pair.getPair()).withValue(contributionOf(signal, pair)));
            }
        }
        if (lastTick == Long.MIN_VALUE || record.timestamp() >= lastTick + StreamTimeTicks.INTERVAL.toMillis()) {
            lastTick = record.timestamp();
            context.forward(new Record<>(StreamTimeTicks.KEY, StreamTimeTicks.value(), record.timestamp()));
        }
    }

    private static Contribution contributionOf(ArticleSignal signal, PairSignal pair) {
        return new Contribution(signal.getArticleId(), signal.getSource(), pair.getPair(), pair.getEscalation(), pair.getDeescalation(),
                pair.getTension(), pair.getCentrality() == null ? pair.getTension() : pair.getCentrality(), pair.getThemes(),
                signal.getMentions().stream().map(ThemeHit::getTheme).toList());
    }
}
