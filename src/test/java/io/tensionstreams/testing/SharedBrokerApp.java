package io.tensionstreams.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import org.apache.kafka.streams.KafkaStreams;

/** The application in-process on the shared broker, on topics and an application id no other test uses. */
public final class SharedBrokerApp implements AutoCloseable {
    public final EmbeddedPlatform platform = SharedPlatform.get();
    public final SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
    public final String prefix;
    public final TopicNames names;
    private TensionApp app;
    private Path stateDir;

    public SharedBrokerApp(String name) {
        prefix = UniqueNames.of(name);
        names = TopicNames.prefixed(prefix);
    }

    /** Creates the topics, starts the application on them and waits until it runs with tasks. */
    public TensionApp start(TopologyConfig config, int partitions, int threads) {
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(names, partitions, Optional.of((short) 1));
        try {
            stateDir = Files.createTempDirectory("tension-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = TensionApp.start(new TensionApp.Settings(prefix + "-app", platform.bootstrapServers(), registry, config.withTopics(names).withPartitions(partitions),
                Tagger.bundled(), TopologyListeners.NONE, Map.<String, Object>of("state.dir", stateDir.toString(), "num.stream.threads", threads),
                Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(60)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING
                && app.streams().metadataForLocalThreads().stream().anyMatch(thread -> !thread.activeTasks().isEmpty()));
        return app;
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        if (stateDir != null) {
            Directories.deleteRecursively(stateDir);
        }
    }
}
