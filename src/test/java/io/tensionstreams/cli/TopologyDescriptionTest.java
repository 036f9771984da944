package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {
    private static final Path COMMITTED = Path.of("topology/topology.txt");

    @Test
    void theCommittedDescriptionMatchesTheTopology() throws IOException {
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

        assertThat(TopologyCommand.describeDefault())
                .as("topology/topology.txt is stale: run `java -jar target/tension-streams.jar topology --write topology/topology.txt` "
                        + "and review the change (a renamed store or topic loses state on upgrade)")
                .isEqualTo(committed);
    }

    @Test
    void everyProcessorStoreAndInternalTopicIsNamedByUs() {
        assertThat(TopologyCommand.describeDefault()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("STATE-STORE-");
    }
}
