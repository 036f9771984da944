package io.tensionstreams.topology;

import io.tensionstreams.avro.ArticleSignal;

/** Hears about each tagged article and how long tagging took, for metrics. */
public interface TaggingListener {
    TaggingListener NONE = (signal, nanos) -> {
    };

    void tagged(ArticleSignal signal, long nanos);
}
