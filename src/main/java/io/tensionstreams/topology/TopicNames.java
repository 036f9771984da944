package io.tensionstreams.topology;

import java.util.List;

/** The names of the topics the application reads and writes; DESIGN.md gives the defaults. */
public record TopicNames(String articles, String signals, String scores, String finalScores, String alerts, String deadLetters) {

    public static TopicNames defaults() {
        return new TopicNames("articles", "article-signals", "tension-scores", "tension-scores-final", "tension-alerts", "articles-dlq");
    }

    /** Every topic, the input first. */
    public List<String> all() {
        return List.of(articles, signals, scores, finalScores, alerts, deadLetters);
    }
}
