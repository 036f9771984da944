package io.tensionstreams.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tensionstreams.scoring.PairWindow;
import io.tensionstreams.topology.TensionTopology;
import io.tensionstreams.topology.WindowTotals;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads pair scores from this instance's window stores with interactive queries (IQv2), and says
 * which instance owns a pair, so that the HTTP layer can route a query there.
 */
public final class ScoreQueries {
    /** One pair's window as stored. */
    public record WindowScore(String pair, String windowSize, Instant start, Instant end, PairWindow aggregate) {
    }

    private final KafkaStreams streams;
    private final List<Duration> windowSizes;
    private final HostInfo self;

    public ScoreQueries(KafkaStreams streams, List<Duration> windowSizes, HostInfo self) {
        this.streams = streams;
        this.windowSizes = List.copyOf(windowSizes);
        this.self = self;
    }

    public List<Duration> windowSizes() {
        return windowSizes;
    }

    /** Every pair window held here whose start lies in [from, to]. */
    public List<WindowScore> localWindows(Duration size, Instant from, Instant to) {
        String store = TensionTopology.scoreStore(size);
        StateQueryRequest<KeyValueIterator<Windowed<String>, Object>> request = StateQueryRequest.inStore(store)
                .withQuery(WindowRangeQuery.<String, Object>withWindowStartRange(from, to));
        StateQueryResult<KeyValueIterator<Windowed<String>, Object>> result = streams.query(request);
        List<WindowScore> windows = new ArrayList<>();
        for (QueryResult<KeyValueIterator<Windowed<String>, Object>> partition : result.getPartitionResults().values()) {
            requireSuccess(store, partition);
            try (KeyValueIterator<Windowed<String>, Object> iterator = partition.getResult()) {
                iterator.forEachRemaining(entry -> {
                    // The stream-time ticks' windows hold no pair.
                    if (!entry.key.key().startsWith("~")) {
                        windows.add(new WindowScore(entry.key.key(), label(size), entry.key.window().startTime(), entry.key.window().endTime(),
                                unwrap(entry.value)));
                    }
                });
            }
        }
        return windows;
    }

    /** One pair's windows held here whose start lies in [from, to]. */
    public List<WindowScore> localPairWindows(String pair, Duration size, Instant from, Instant to) {
        String store = TensionTopology.scoreStore(size);
        StateQueryRequest<WindowStoreIterator<Object>> request = StateQueryRequest.inStore(store)
                .withQuery(WindowKeyQuery.<String, Object>withKeyAndWindowStartRange(pair, from, to));
        StateQueryResult<WindowStoreIterator<Object>> result = streams.query(request);
        List<WindowScore> windows = new ArrayList<>();
        for (QueryResult<WindowStoreIterator<Object>> partition : result.getPartitionResults().values()) {
            requireSuccess(store, partition);
            try (WindowStoreIterator<Object> iterator = partition.getResult()) {
                iterator.forEachRemaining(entry -> windows.add(new WindowScore(pair, label(size), Instant.ofEpochMilli(entry.key),
                        Instant.ofEpochMilli(entry.key).plus(size), unwrap(entry.value))));
            }
        }
        return windows;
    }

    /** Distinct articles in a window, over every pair and none: the denominator of the attention share. */
    public long windowArticles(String windowSize, Instant start) {
        try {
            ReadOnlyKeyValueStore<String, Long> totals = streams.store(StoreQueryParameters.fromNameAndType(WindowTotals.STORE,
                    QueryableStoreTypes.keyValueStore()));
            return WindowTotals.of(totals, windowSize, start.toEpochMilli());
        } catch (InvalidStateStoreException e) {
            throw new ScoresUnavailableException("the window totals are not readable now (" + e.getMessage() + ")");
        }
    }

    /** A partition that could not be read makes the whole answer unavailable: a partial answer would look complete. */
    private static void requireSuccess(String store, QueryResult<?> partition) {
        if (!partition.isSuccess()) {
            throw new ScoresUnavailableException("store " + store + " is not readable now (" + partition.getFailureReason() + ": "
                    + partition.getFailureMessage() + ")");
        }
    }

    /** The instance that owns {@code pair}, when it is not this one. */
    public Optional<HostInfo> ownerElsewhere(String pair) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(TensionTopology.scoreStore(windowSizes.get(0)), pair, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new ScoresUnavailableException("no instance owns " + pair + " right now (the application is rebalancing)");
        }
        if (metadata.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost());
    }

    /** The other instances that hold score stores. */
    public List<HostInfo> otherInstances() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(TensionTopology.scoreStore(windowSizes.get(0)))) {
            if (!metadata.hostInfo().equals(self) && !hosts.contains(metadata.hostInfo())) {
                hosts.add(metadata.hostInfo());
            }
        }
        return hosts;
    }

    public static String label(Duration size) {
        return io.tensionstreams.topology.TopologyConfig.label(size);
    }

    /** A DSL window store may hand back the value with its timestamp. */
    private static PairWindow unwrap(Object value) {
        Object plain = value instanceof ValueAndTimestamp<?> stamped ? stamped.value() : value;
        return (PairWindow) plain;
    }
}
