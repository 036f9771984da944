package io.tensionstreams.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tensionstreams.registry.RegistryConfig;
import io.tensionstreams.registry.SchemaRegistryClient;
import picocli.CommandLine.Option;

/** Where {@code publish} and {@code consume} find Kafka and the registry. */
final class ClientOptions {
    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka cluster (run prints the embedded one's address).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", required = true, paramLabel = "URL,...", description = "Confluent-compatible Schema Registry.")
    String schemaRegistryUrl;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "kafka.* settings for the client, schema.registry.* for the registry (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

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
        settings.put(RegistryConfig.URL, schemaRegistryUrl);
        return new SchemaRegistryClient(RegistryConfig.from(settings));
    }
}
