package io.tensionstreams.topology;

import io.tensionstreams.avro.TensionAlert;

/** Hears about each alert raised, for metrics. */
public interface AlertListener {
    AlertListener NONE = alert -> {
    };

    void alerted(TensionAlert alert);
}
