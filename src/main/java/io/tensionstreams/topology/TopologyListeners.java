package io.tensionstreams.topology;

/** What the topology tells the outside (metrics) as it runs; none of it changes the results. */
public record TopologyListeners(TaggingListener tagging, DuplicateListener duplicates, AlertListener alerts) {
    public static final TopologyListeners NONE = new TopologyListeners(TaggingListener.NONE, DuplicateListener.NONE, AlertListener.NONE);
}
