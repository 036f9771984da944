package io.tensionstreams.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.topology.TensionTopology;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import io.tensionstreams.topology.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tension topology}: prints the Kafka Streams topology with the default configuration. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Print the Kafka Streams topology (processors, stores, internal topics). Contacts no broker or registry.")
final class TopologyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the description to FILE (such as topology/topology.txt) instead of printing it.")
    private Path output;

    /** The description of the topology built from the default configuration. */
    static String describeDefault() {
        TopologyConfig config = TopologyConfig.defaults();
        return TensionTopology.build(config, Topics.forDescription(config.topics()), Tagger.bundled(), TopologyListeners.NONE)
                .describe().toString();
    }

    @Override
    public Integer call() throws IOException {
        String description = describeDefault();
        if (output == null) {
            spec.commandLine().getOut().print(description);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, description, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("Wrote " + output);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
