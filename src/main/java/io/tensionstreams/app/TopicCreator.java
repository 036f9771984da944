package io.tensionstreams.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tensionstreams.topology.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the application's topics that are missing, with the configured partitions and replication. */
public final class TopicCreator {
    /** How long to wait before asking again for a partition whose metadata has not arrived. */
    private static final long METADATA_RETRY_MS = 100;

    private final Map<String, Object> adminConfig;
    private final Duration timeout;

    /** @param timeout how long to wait for the cluster, in all: a broker that does not answer fails within it */
    public TopicCreator(Map<String, Object> adminConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
        this.adminConfig = Map.copyOf(config);
        this.timeout = timeout;
    }

    /**
     * Creates the topics of {@code names} that do not exist.
     *
     * @param replication the replication factor, or empty for the broker's default
     * @return the topics it created
     */
    public List<String> createMissing(List<String> names, int partitions, Optional<Short> replication) {
        return createMissing(names, partitions, replication, Map.of());
    }

    /** Creates the application's topics that do not exist, each with the settings {@link TopicNames#settings()} gives it. */
    public List<String> createMissing(TopicNames topics, int partitions, Optional<Short> replication) {
        return createMissing(topics.all(), partitions, replication, topics.settings());
    }

    private List<String> createMissing(List<String> names, int partitions, Optional<Short> replication,
                                       Map<String, Map<String, String>> settings) {
        Admin admin = Admin.create(adminConfig);
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, Optional.of(partitions), replication).configs(settings.getOrDefault(name, Map.of())));
                }
            }
            createAll(admin, missing);
            awaitLeaders(admin, missing);
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw failure(e);
        } finally {
            // Do not wait for calls still pending against a broker that does not answer.
            admin.close(Duration.ofSeconds(1));
        }
    }

    private void createAll(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another instance may have created the same topic a moment before.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Waits until the broker leads every partition of the new topics. Metadata names the leader a
     * moment before the broker serves the partition; a producer that writes in that moment gets
     * NOT_LEADER_OR_FOLLOWER and, with idempotence, was seen to end in out-of-order sequence errors
     * on the embedded broker. Listing offsets goes through the leader, and the admin client retries
     * it until the partition is served.
     */
    private void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : topics) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                partitions.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        // Metadata of a topic just created takes a moment to reach every broker: an unknown
        // partition then is a wait, not a failure, until the start-up timeout runs out.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                        TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(METADATA_RETRY_MS);
            }
        }
    }

    private IllegalStateException failure(Exception e) {
        Throwable root = root(e);
        if (root instanceof TimeoutException || root instanceof org.apache.kafka.common.errors.TimeoutException) {
            // The message says it all; the timeout's own chain would only repeat it.
            return new IllegalStateException("cannot reach Kafka at " + adminConfig.get("bootstrap.servers") + ": no broker answered within "
                    + timeout.toSeconds() + " s (is the cluster up, and are the bootstrap servers and security settings right?)");
        }
        return new IllegalStateException("cannot list or create topics on " + adminConfig.get("bootstrap.servers") + ": " + rootMessage(e), e);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = root(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
