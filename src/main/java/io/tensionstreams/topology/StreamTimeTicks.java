package io.tensionstreams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.tensionstreams.scoring.Contribution;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Carries the input's stream time to every partition of the pair aggregation. A window closes when
 * its task's stream time passes its end, and a task's stream time moves only with the records of
 * its own partition: a pair whose partition hears nothing more would never get its final score.
 * So each input task sends a tick, every {@link #INTERVAL} of its stream time, to every partition
 * of {@code pair-contributions}; the aggregation reads it as time passing and counts nothing.
 */
final class StreamTimeTicks {
    /** The key of a tick: no pair has it (pairs are two upper-case codes). */
    static final String KEY = "~tick";
    /** Windows on a quiet partition close at most this much stream time late; a year's backfill costs 52,560 ticks per input task. */
    static final Duration INTERVAL = Duration.ofMinutes(10);

    private StreamTimeTicks() {
    }

    static boolean isTick(String key) {
        return KEY.equals(key);
    }

    /** The value a tick carries: a contribution of nothing to no pair. */
    static Contribution value() {
        return new Contribution(KEY, null, KEY, 0, 0, 0, 0, List.of(), List.of());
    }

    /**
     * Ticks go to every partition; a pair's contributions to the partition the default partitioner
     * gives its key, so that interactive queries find a pair where it is.
     */
    static StreamPartitioner<String, Contribution> partitioner() {
        return (topic, key, value, partitions) -> isTick(key)
                ? Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()))
                : Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions));
    }
}
