package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.testing.SideLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import picocli.CommandLine;

/** A small {@code tension bench} runs every phase and reports every figure; the figures themselves are not asserted. */
@Execution(ExecutionMode.CONCURRENT) // its own broker: beside the rest of the suite, see SideLane
@ResourceLock(SideLane.LOCK)
class BenchCommandTest {

    @Test
    void aSmallRunReportsEveryFigure(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = TensionCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        Path json = dir.resolve("bench.json");

        int exit = commandLine.execute("bench", "--articles", "300", "--warmup", "100", "--latency-seconds", "3", "--latency-warmup", "1", "--warmup-rounds", "1", "--rate", "50",
                "--threads", "1", "--instances", "2",
                "--json", json.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("publish (articles/s)", "end to end, full topology", "end to end, passthrough",
                "full / passthrough", "p99", "peak heap");
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.fieldNames()).toIterable().contains("publishArticlesPerSecond", "fullArticlesPerSecond",
                "passthroughArticlesPerSecond", "fullRunningArticlesPerSecond", "passthroughRunningArticlesPerSecond", "fullStartUpSeconds",
                "fullOverPassthrough", "fullOverPassthroughRunning", "latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "peakHeapMiB", "peakRssMiB");
        assertThat(figures.get("fullArticlesPerSecond").asDouble()).isPositive();
        // 300 articles may all come in the first transaction, which leaves no running rate to measure.
        assertThat(figures.get("fullRunningArticlesPerSecond").asDouble()).isNotNegative();
        assertThat(figures.get("fullStartUpSeconds").asDouble()).isPositive();
        assertThat(figures.get("latencySamples").asInt()).isPositive();
        assertThat(figures.get("instances").asInt()).isEqualTo(2);
        assertThat(figures.get("fullRunningArticlesPerSecondByThreads").fieldNames()).toIterable().containsExactly("1 thread", "2 threads");
        assertThat(out.toString()).contains("running, full topology, 1 stream thread", "running, full topology, 2 stream threads");
    }

    @Test
    void aNonPositiveCountIsNamedAsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TensionCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("bench", "--instances", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--instances must be positive, got 0");
    }

    @Test
    void theScalingRoundsAreOnByDefaultAndNoScalingTurnsThemOff() {
        assertThat(parsed().options().scaling()).isTrue();
        assertThat(parsed("--no-scaling").options().scaling()).isFalse();
        assertThat(parsed("--scaling").options().scaling()).isTrue();
    }

    @Test
    void theSettleTimeDefaultsToTheApplicationsAndCanBeTurnedOff() {
        assertThat(parsed().options().settle()).isEqualTo(io.tensionstreams.topology.TopologyConfig.DEFAULT_SETTLE);
        assertThat(parsed("--settle", "PT0S").options().settle()).isZero();
    }

    private static BenchCommand parsed(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
