package io.tensionstreams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tensionstreams.scoring.AlertRule;
import io.tensionstreams.scoring.TensionIndex;

/**
 * Everything the topology's shape and arithmetic depend on. The topology is a function of this
 * record: no static state, no I/O.
 *
 * @param windows             tumbling window sizes, each with its own store and outputs
 * @param grace               how late an article may arrive and still count in its window: a final
 *                            score it arrives after is written again, revised
 * @param finalDelay          how long after a window's end its final score is first written
 * @param duplicateRetention  how long an article id is remembered to drop exact duplicates
 * @param nearDuplicateWindow how far apart in event time a near-copy is still a copy
 * @param nearDuplicateSettle how long (wall clock) an original waits before it counts, so that a copy
 *                            tagged at the same moment on another partition is seen (0: not at all)
 * @param maxBodyChars        a larger body goes to the dead-letter topic
 * @param earliestPublishedAt an article published before this goes to the dead-letter topic
 * @param alerts              when a closed window raises an alert
 * @param evidenceScale          how much evidence the index needs to trust a window's intensity (see {@link TensionIndex})
 * @param topArticles         how many article ids a score names
 * @param partitions          partitions of the pair aggregation's repartition topic: its tasks, which instances share
 */
public record TopologyConfig(
        TopicNames topics,
        List<Duration> windows,
        Duration grace,
        Duration finalDelay,
        Duration duplicateRetention,
        Duration nearDuplicateWindow,
        Duration nearDuplicateSettle,
        int maxBodyChars,
        Instant earliestPublishedAt,
        AlertRule alerts,
        double evidenceScale,
        int topArticles,
        int partitions) {

    public TopologyConfig {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window size is needed");
        }
        if (windows.stream().anyMatch(size -> size.isNegative() || size.isZero()) || grace.isNegative()) {
            throw new IllegalArgumentException("window sizes must be positive and the grace not negative");
        }
        if (finalDelay.isNegative() || finalDelay.compareTo(grace) > 0) {
            throw new IllegalArgumentException("the final delay (" + finalDelay + ") must lie between 0 and the grace (" + grace + ")");
        }
        if (windows.stream().distinct().count() != windows.size()) {
            throw new IllegalArgumentException("window sizes must differ: " + windows);
        }
        if (nearDuplicateSettle.isNegative()) {
            throw new IllegalArgumentException("the near-copy settle time must not be negative");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive");
        }
        if (maxBodyChars < 1 || topArticles < 1 || evidenceScale <= 0) {
            throw new IllegalArgumentException("maxBodyChars, topArticles and evidenceScale must be positive");
        }
    }

    /** A week: as long as an exact duplicate is remembered, so an article that still counts is also still deduplicated. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);
    /** Final scores an hour after a window's end: what a live feed's stragglers need. */
    public static final Duration DEFAULT_FINAL_DELAY = Duration.ofHours(1);

    /** Well past the measured race window of the near-copy index (200 ms), and no delay a reader of news notices. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);

    /** As the topics the application creates. */
    public static final int DEFAULT_PARTITIONS = 6;

    public static TopologyConfig defaults() {
        return new TopologyConfig(TopicNames.defaults(), List.of(Duration.ofHours(1), Duration.ofDays(1)), DEFAULT_GRACE,
                DEFAULT_FINAL_DELAY, Duration.ofDays(7), Duration.ofHours(48), DEFAULT_SETTLE, 1024 * 1024, Instant.parse("1990-01-01T00:00:00Z"), AlertRule.DEFAULT,
                TensionIndex.DEFAULT_EVIDENCE_SCALE, 5, DEFAULT_PARTITIONS);
    }

    /** Windows whose final scores are written when the grace has passed, as a test of closing windows wants. */
    public TopologyConfig withWindows(List<Duration> sizes, Duration newGrace) {
        return new TopologyConfig(topics, sizes, newGrace, newGrace, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, maxBodyChars, earliestPublishedAt,
                alerts, evidenceScale, topArticles, partitions);
    }

    public TopologyConfig withAlerts(AlertRule rule) {
        return new TopologyConfig(topics, windows, grace, finalDelay, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, maxBodyChars, earliestPublishedAt,
                rule, evidenceScale, topArticles, partitions);
    }

    public TopologyConfig withTopics(TopicNames names) {
        return new TopologyConfig(names, windows, grace, finalDelay, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, maxBodyChars, earliestPublishedAt,
                alerts, evidenceScale, topArticles, partitions);
    }

    public TopologyConfig withMaxBodyChars(int chars) {
        return new TopologyConfig(topics, windows, grace, finalDelay, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, chars, earliestPublishedAt, alerts,
                evidenceScale, topArticles, partitions);
    }

    /** How late articles may be, and when final scores are first written. */
    public TopologyConfig withLateness(Duration newGrace, Duration newFinalDelay) {
        return new TopologyConfig(topics, windows, newGrace, newFinalDelay, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, maxBodyChars,
                earliestPublishedAt, alerts, evidenceScale, topArticles, partitions);
    }

    /** How long exact duplicates and near-copies are remembered. */
    public TopologyConfig withDuplicateHorizons(Duration exact, Duration near) {
        return new TopologyConfig(topics, windows, grace, finalDelay, exact, near, nearDuplicateSettle, maxBodyChars, earliestPublishedAt, alerts,
                evidenceScale, topArticles, partitions);
    }

    public TopologyConfig withNearDuplicateSettle(Duration settle) {
        return new TopologyConfig(topics, windows, grace, finalDelay, duplicateRetention, nearDuplicateWindow, settle, maxBodyChars,
                earliestPublishedAt, alerts, evidenceScale, topArticles, partitions);
    }

    public TopologyConfig withPartitions(int count) {
        return new TopologyConfig(topics, windows, grace, finalDelay, duplicateRetention, nearDuplicateWindow, nearDuplicateSettle, maxBodyChars, earliestPublishedAt,
                alerts, evidenceScale, topArticles, count);
    }

    /** The window size as the stores and outputs name it: PT1H, P1D. */
    public static String label(Duration size) {
        return size.toDays() > 0 && size.equals(Duration.ofDays(size.toDays())) ? "P" + size.toDays() + "D" : size.toString();
    }
}
