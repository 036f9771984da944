package io.tensionstreams.topology;

import io.tensionstreams.avro.TensionScore;

/** What the topology tells the outside (metrics, the dashboard) as it runs; none of it changes the results. */
public record TopologyListeners(TaggingListener tagging, DuplicateListener duplicates, AlertListener alerts,
                                RejectionListener rejections, ScoreListener scores) {
    public static final TopologyListeners NONE = new TopologyListeners(TaggingListener.NONE, DuplicateListener.NONE, AlertListener.NONE,
            reason -> { }, score -> { });

    /** Hears about an article sent to the dead-letter topic by validation, with the reason. */
    @FunctionalInterface
    public interface RejectionListener {
        void rejected(String reason);
    }

    /** Hears about each score update. */
    @FunctionalInterface
    public interface ScoreListener {
        void scored(TensionScore score);
    }
}
