package io.tensionstreams.bench;

import java.time.Duration;

/**
 * What {@code tension bench} runs.
 *
 * @param articles          articles pre-loaded for the throughput phases
 * @param rate              offered load of the latency phase, articles/s
 * @param latencySeconds    length of the measured latency phase
 * @param latencyWarmupSeconds seconds the latency phase runs before it measures
 * @param partitions        partitions of every topic
 * @param threads           Kafka Streams threads per instance
 * @param instances         instances of the application in the full-topology phase
 * @param scaling           also run the full topology with 1 and 2 stream threads
 * @param perDay            articles per day of event time
 * @param warmupRounds      at most this many warm-up rounds
 * @param warmup            articles per warm-up round (0 skips)
 * @param settle            the near-copy settle time of the application under test ({@code near.duplicate.settle})
 */
public record BenchOptions(int articles, int rate, int latencySeconds, int latencyWarmupSeconds, int partitions, int threads, int instances,
                           boolean scaling, long perDay, int warmupRounds, int warmup, Duration settle) {
    public BenchOptions {
        if (settle == null || settle.isNegative()) {
            throw new IllegalArgumentException("--settle must not be negative, got " + settle);
        }
        requirePositive("articles", articles);
        requirePositive("rate", rate);
        requirePositive("partitions", partitions);
        requirePositive("threads", threads);
        requirePositive("instances", instances);
        requirePositive("per-day", perDay);
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("--" + option + " must be positive, got " + value);
        }
    }
}
