package io.tensionstreams.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tensionstreams.registry.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks, before a client command starts work, that Kafka and the registry answer, so that a wrong
 * address is one line within a bounded time, not a client that blocks on every record.
 */
public final class Preflight {
    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

    private Preflight() {
    }

    /** A Kafka broker answers (the topic may yet be created by the broker on first use). */
    public static void kafka(String bootstrapServers, Map<String, Object> clientSettings) {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        Admin admin = Admin.create(config);
        try {
            admin.describeCluster().nodes().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(bootstrapServers);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrapServers);
            }
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": " + Failures.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching Kafka", e);
        } finally {
            // Do not wait for calls still pending against a broker that does not answer.
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The message says it all; the timeout's own chain would only repeat it. */
    private static IllegalStateException unreachable(String bootstrapServers) {
        return new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": no broker answered within "
                + KAFKA_TIMEOUT.toSeconds() + " s (is the cluster up, and are the bootstrap servers and security settings right?)");
    }

    /** The registry answers (it would otherwise fail on the first record). */
    public static void registry(SchemaRegistryClient registry) {
        try {
            registry.subjects();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach the Schema Registry: " + Failures.describe(e), e);
        }
    }
}
