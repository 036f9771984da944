package io.tensionstreams.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.topology.StreamsSettings;
import io.tensionstreams.topology.TensionTopology;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import io.tensionstreams.topology.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: the topology in a {@link KafkaStreams} instance, with its configuration.
 * Closing stops the streams within a bounded time.
 */
public final class TensionApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TensionApp.class);
    private final KafkaStreams streams;
    private final Duration closeTimeout;

    private TensionApp(KafkaStreams streams, Duration closeTimeout) {
        this.streams = streams;
        this.closeTimeout = closeTimeout;
    }

    /** Settings of one application instance. */
    public record Settings(String applicationId, String bootstrapServers, SchemaRegistryClient registry, TopologyConfig topology,
                           Tagger tagger, TopologyListeners listeners, Map<String, Object> streamsOverrides, Duration closeTimeout) {
    }

    /** Builds the topology and starts it; the caller closes the returned app. */
    public static TensionApp start(Settings settings) {
        Topology topology = TensionTopology.build(settings.topology(), Topics.of(settings.topology().topics(), settings.registry()),
                settings.tagger(), settings.listeners());
        Properties props = StreamsSettings.of(settings.applicationId(), settings.bootstrapServers(), settings.topology().topics(),
                new HashMap<>(settings.streamsOverrides()));
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(TensionApp::replaceThread);
        streams.start();
        return new TensionApp(streams, settings.closeTimeout());
    }

    /**
     * A stream thread that dies (a fenced or out-of-sequence transactional producer, a broker that
     * went away for too long) is replaced: under exactly-once its uncommitted work is aborted and
     * redone by the new thread, so no record is lost or counted twice, and the application keeps
     * running instead of stopping on the first fatal error.
     */
    private static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse replaceThread(Throwable error) {
        LOG.error("A stream thread died; replacing it", error);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(closeTimeout));
    }
}
