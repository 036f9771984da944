package io.tensionstreams.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.tensionstreams.tagging.LabelledArticle;
import io.tensionstreams.tagging.TaggerModel;
import io.tensionstreams.tagging.TaggerTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tension train}: fits the tagger's model (pairs and direction) to labelled articles. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit the tagger's pair and direction models to labelled articles and write them as model.json. "
                + "Judge the result with 'tension eval FILE --folds 5' first: the fold figures say how it does on unseen text.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Labelled articles, such as ../shared/corpus/dev.jsonl.")
    private Path file;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "topology/model.json",
            description = "Where to write the model (default: ${DEFAULT-VALUE}, the copy bundled into the jar at build time).")
    private Path out;

    @Mixin
    private TaxonomyOption taxonomy;

    @Override
    public Integer call() throws IOException {
        List<LabelledArticle> labelled = EvalCommand.readLabelled(file);
        TaggerModel model = TaggerTrainer.fit(taxonomy.taxonomy(), labelled);
        model.write(out);
        spec.commandLine().getOut().printf("fitted on %d labelled articles; wrote %s%n", labelled.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
