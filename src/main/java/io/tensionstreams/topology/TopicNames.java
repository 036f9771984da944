package io.tensionstreams.topology;

import java.util.List;
import java.util.Map;

/**
 * The names of the topics the application reads and writes; DESIGN.md gives the defaults.
 *
 * @param windowCounts each counting task's running count of articles per window, read back by every
 *                     instance as a global table: the denominator of the attention share
 * @param fingerprints the band entries of every original, read back by every instance as the global
 *                     near-copy index
 */
public record TopicNames(String articles, String signals, String scores, String finalScores, String alerts, String deadLetters,
                         String windowCounts, String fingerprints) {

    public static TopicNames defaults() {
        return new TopicNames("articles", "article-signals", "tension-scores", "tension-scores-final", "tension-alerts", "articles-dlq",
                "window-article-counts", "near-copy-fingerprints");
    }

    /** The default names, each after {@code prefix} and a dash: for tests and benchmarks that share a broker. */
    public static TopicNames prefixed(String prefix) {
        TopicNames plain = defaults();
        return new TopicNames(prefix + "-" + plain.articles, prefix + "-" + plain.signals, prefix + "-" + plain.scores,
                prefix + "-" + plain.finalScores, prefix + "-" + plain.alerts, prefix + "-" + plain.deadLetters, prefix + "-" + plain.windowCounts,
                prefix + "-" + plain.fingerprints);
    }

    /** Every topic, the input first. */
    public List<String> all() {
        return List.of(articles, signals, scores, finalScores, alerts, deadLetters, windowCounts, fingerprints);
    }

    /**
     * Topic settings beyond partitions and replication, by topic. The window counts are compacted:
     * only each task's latest count per window matters, and a global table reads the whole topic at
     * start. The fingerprints are kept a week from when they were written (not from the article's
     * date, which a backfill sets years back), which is all a restarting instance needs to read.
     */
    public Map<String, Map<String, String>> settings() {
        return Map.of(windowCounts, Map.of("cleanup.policy", "compact"),
                fingerprints, Map.of("cleanup.policy", "delete", "message.timestamp.type", "LogAppendTime", "retention.ms", "604800000"));
    }
}
