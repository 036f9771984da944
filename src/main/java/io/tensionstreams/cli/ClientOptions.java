package io.tensionstreams.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tensionstreams.app.EmbeddedAddress;
import io.tensionstreams.app.Settings;
import io.tensionstreams.registry.RegistryConfig;
import io.tensionstreams.registry.SchemaRegistryClient;
import picocli.CommandLine.Option;

/** Where {@code publish} and {@code consume} find Kafka and the registry. */
final class ClientOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster (default: the embedded one of a `tension run` on this machine).")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL,...",
            description = "Confluent-compatible Schema Registry (default: the embedded one of a `tension run` on this machine).")
    private String schemaRegistryUrl;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "kafka.* settings for the client, schema.registry.* for the registry (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

    /** The cluster given, else the embedded one a `tension run` on this machine announced. */
    String bootstrapServers() {
        return bootstrapServers != null ? bootstrapServers : embedded().bootstrapServers();
    }

    String schemaRegistryUrl() {
        return schemaRegistryUrl != null ? schemaRegistryUrl : embedded().schemaRegistryUrl();
    }

    private EmbeddedAddress.Address embedded() {
        if (bootstrapServers != null || schemaRegistryUrl != null) {
            throw new Settings.SettingException("give both --bootstrap-servers and --schema-registry-url, or neither to use a running `tension run`");
        }
        return EmbeddedAddress.read().orElseThrow(() -> new Settings.SettingException("no --bootstrap-servers given and no embedded `tension run`"
                + " is running on this machine (" + EmbeddedAddress.file() + " is missing): start one, or give the cluster's addresses"));
    }

    Map<String, Object> kafkaSettings() {
        Map<String, Object> kafka = new HashMap<>();
        extra.forEach((key, value) -> {
            if (key.startsWith(Settings.KAFKA_PREFIX)) {
                kafka.put(key.substring(Settings.KAFKA_PREFIX.length()), value);
            } else if (!key.startsWith(Settings.REGISTRY_PREFIX)) {
                throw new Settings.SettingException("unknown setting '" + key + "': --set takes kafka.* and schema.registry.* settings");
            }
        });
        return kafka;
    }

    SchemaRegistryClient registry() {
        Map<String, Object> settings = new HashMap<>();
        extra.forEach((key, value) -> {
            if (key.startsWith(Settings.REGISTRY_PREFIX)) {
                settings.put(key, value);
            }
        });
        settings.put(RegistryConfig.URL, schemaRegistryUrl());
        return new SchemaRegistryClient(RegistryConfig.from(settings));
    }
}
