package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tensionstreams.bench.ApplicationBench;
import io.tensionstreams.bench.BenchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tension bench}: the throughput, latency and memory of the whole application on this
 * machine, against a passthrough baseline, with the embedded broker in the same JVM.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure publish throughput, end-to-end throughput (full topology and a passthrough baseline, exactly-once), "
                + "publish-to-score latency at a fixed rate, and memory, on an embedded broker.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--articles", defaultValue = "20000", description = "Articles pre-loaded for the throughput phases (default ${DEFAULT-VALUE}).")
    private int articles;

    @Option(names = "--rate", defaultValue = "500", description = "Offered load of the latency phase, articles/s (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Option(names = "--latency-warmup", defaultValue = "5",
            description = "Seconds the latency phase runs at the same rate before it measures: the new application's first "
                    + "transactions and fetch sessions are start-up, not steady state (default ${DEFAULT-VALUE}).")
    private int latencyWarmupSeconds;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the input topic (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--threads", defaultValue = "2", description = "Kafka Streams threads per instance (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--instances", defaultValue = "1",
            description = "Instances of the application (same application id, in this JVM, each with its own state) in the full-topology phase (default ${DEFAULT-VALUE}).")
    private int instances;

    // fallbackValue: without it picocli 4.7 toggles a default-true option, so --no-scaling meant true.
    @Option(names = "--scaling", defaultValue = "true", fallbackValue = "true", negatable = true,
            description = "Also run the full topology with 1 and with 2 stream threads and report both running rates (default ${DEFAULT-VALUE}).")
    private boolean scaling;

    @Option(names = "--per-day", defaultValue = "1000000",
            description = "Articles per day of event time: the generated publication times are spaced at this rate (default ${DEFAULT-VALUE}, a news firehose).")
    private long perDay;

    @Option(names = "--warmup-rounds", defaultValue = "3",
            description = "At most this many warm-up rounds; they stop once the JIT compiles for less than a fifth of a round (default ${DEFAULT-VALUE}).")
    private int warmupRounds;

    @Option(names = "--warmup", defaultValue = "4000",
            description = "Articles per warm-up round through every throughput phase, unmeasured, so the JIT has compiled the hot code (default ${DEFAULT-VALUE}; 0 skips).")
    private int warmup;

    @Option(names = "--settle", defaultValue = "PT1S", paramLabel = "DURATION",
            description = "The near-copy settle time of the application under test, as near.duplicate.settle (default ${DEFAULT-VALUE}); "
                    + "PT0S shows what the settle step costs.")
    private Duration settle;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Map<String, Object> figures = new ApplicationBench(options).run(out);
        if (json != null) {
            Files.writeString(json, TagsJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
            out.println("Wrote " + json);
        }
        return 0;
    }

    /** What the flags ask for. */
    BenchOptions options() {
        return new BenchOptions(articles, rate, latencySeconds, latencyWarmupSeconds, partitions, threads, instances, scaling, perDay, warmupRounds,
                warmup, settle);
    }
}
