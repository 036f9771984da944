package io.tensionstreams.topology;

import java.time.Duration;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The number of distinct articles in a window, summed over the partitions that count them
 * ({@link WindowArticleCounter}), from the global store every instance holds. Keys read
 * {@code P1D@1764547200000#3}: window size, window start in epoch milliseconds, counting partition.
 */
public final class WindowTotals {
    /** The global store the window-counts topic is read into. */
    public static final String STORE = "window-article-totals";

    private WindowTotals() {
    }

    /** Tumbling windows are aligned to the epoch, as Kafka Streams' {@code TimeWindows} are. */
    static long windowStart(long timestamp, Duration size) {
        return timestamp - Math.floorMod(timestamp, size.toMillis());
    }

    static String windowKey(Duration size, long start) {
        return TopologyConfig.label(size) + "@" + start;
    }

    static String partitionKey(String windowKey, int partition) {
        return windowKey + "#" + partition;
    }

    static long windowStartOf(String windowKey) {
        int at = windowKey.indexOf('@');
        int hash = windowKey.indexOf('#');
        return Long.parseLong(windowKey.substring(at + 1, hash < 0 ? windowKey.length() : hash));
    }

    /** The articles of one window, over every counting partition; 0 when none has reported yet. */
    public static long of(ReadOnlyKeyValueStore<String, Long> totals, String windowSizeLabel, long windowStart) {
        long sum = 0;
        try (KeyValueIterator<String, Long> partitions = totals.prefixScan(windowSizeLabel + "@" + windowStart + "#", new StringSerializer())) {
            while (partitions.hasNext()) {
                Long count = partitions.next().value;
                sum += count == null ? 0 : count;
            }
        }
        return sum;
    }
}
