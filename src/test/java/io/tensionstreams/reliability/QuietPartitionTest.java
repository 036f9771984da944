package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A pair alone on its aggregation partition still gets its final score when the rest of the input
 * moves on: stream time reaches every partition of pair-contributions as ticks.
 */
@Tag("reliability")
class QuietPartitionTest {
    private static final int PARTITIONS = 6;

    @Test
    void aWindowOnAPartitionThatHearsNothingMoreStillCloses() {
        assertThat(partitionOf("CN-PH")).as("the two pairs aggregate on different partitions").isNotEqualTo(partitionOf("CN-US"));
        Instant t0 = ScoreLedger.recentStart();
        TopologyConfig config = TopologyConfig.defaults().withWindows(List.of(Duration.ofHours(1)), Duration.ofHours(1))
                .withLateness(Duration.ofHours(1), Duration.ZERO);
        try (SharedBrokerApp app = new SharedBrokerApp("quiet-partition")) {
            app.start(config, PARTITIONS, 1);
            ScoreLedger.publish(app.platform.bootstrapServers(), app.registry, app.names.articles(),
                    List.of(Stories.waterCannon("alone", t0.plusSeconds(60))), 0);
            ScoreLedger.awaitRecords(app.platform.bootstrapServers(), app.names.signals(), 1, Duration.ofSeconds(60));

            // Only CN-US hears of the next hours; CN-PH's partition gets nothing but ticks.
            ScoreLedger.publish(app.platform.bootstrapServers(), app.registry, app.names.articles(),
                    List.of(Stories.talks("later", t0.plus(Duration.ofHours(3)))), 0);

            Map<String, Integer> finals = ScoreLedger.awaitFinals(app.platform.bootstrapServers(), app.registry, app.names.finalScores(),
                    Map.of("CN-PH@" + t0.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "/PT1H", 1), Duration.ofSeconds(60));
            assertThat(finals).containsEntry("CN-PH@" + t0.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "/PT1H", 1);
        }
    }

    private static int partitionOf(String pair) {
        return Utils.toPositive(Utils.murmur2(pair.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
