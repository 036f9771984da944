package io.tensionstreams.topology;

/** Hears about what the topology drops or marks, for metrics. */
public interface DuplicateListener {
    DuplicateListener NONE = new DuplicateListener() {
    };

    /** An article whose id was already processed was dropped. */
    default void exactDuplicate(String articleId) {
    }

    /** An article nearly copies an earlier one; it is published as a signal but not counted. */
    default void nearDuplicate(String articleId, String originalId) {
    }

    /** A contribution to {@code pair} arrived after its window of {@code windowSize} closed: it does not count there. */
    default void lateContribution(String pair, java.time.Duration windowSize) {
    }
}
