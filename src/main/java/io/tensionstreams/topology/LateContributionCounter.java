package io.tensionstreams.topology;

import java.time.Duration;
import java.util.List;

import io.tensionstreams.scoring.Contribution;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the contributions that reach the windowed aggregates too late to count: their window
 * closed (window end + grace at or before stream time) before they arrived. Kafka Streams drops
 * them with a log line only; this makes each one a metric and a warning naming the article, so a
 * backfill published out of order is visible. It forwards every record unchanged.
 */
final class LateContributionCounter implements FixedKeyProcessor<String, Contribution, Contribution> {
    private static final Logger LOG = LoggerFactory.getLogger(LateContributionCounter.class);
    private final List<Duration> windows;
    private final Duration grace;
    private final DuplicateListener listener;
    private FixedKeyProcessorContext<String, Contribution> context;

    LateContributionCounter(List<Duration> windows, Duration grace, DuplicateListener listener) {
        this.windows = List.copyOf(windows);
        this.grace = grace;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Contribution> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Contribution> record) {
        if (StreamTimeTicks.isTick(record.key())) {
            context.forward(record);
            return;
        }
        long streamTime = context.currentStreamTimeMs();
        for (Duration window : windows) {
            if (isLate(record.timestamp(), streamTime, window.toMillis(), grace.toMillis())) {
                listener.lateContribution(record.key(), window);
                LOG.warn("article {} arrived after its {} window of {} closed (grace {}): it does not count there",
                        record.value().articleId(), TopologyConfig.label(window), record.key(), grace);
            }
        }
        context.forward(record);
    }

    /** The rule of Kafka Streams' windowed aggregation: a window closes when stream time passes its end plus the grace. */
    static boolean isLate(long timestamp, long streamTime, long windowMs, long graceMs) {
        long windowEnd = timestamp - Math.floorMod(timestamp, windowMs) + windowMs;
        return windowEnd <= streamTime - graceMs;
    }
}
