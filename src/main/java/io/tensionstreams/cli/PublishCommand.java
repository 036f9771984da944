package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.tensionstreams.app.ArticlePublisher;
import io.tensionstreams.app.ArticleReader;
import io.tensionstreams.app.InputArticle;
import io.tensionstreams.app.Preflight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code tension publish}: validates articles from files or stdin and publishes them as Avro. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish articles (.txt: first line the title; .jsonl; directories; - for JSON lines on stdin) to the articles topic.")
final class PublishCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "Files, directories, or - for standard input.")
    private List<String> inputs;

    @Option(names = "--topic", defaultValue = "articles", description = "Topic to publish to (default ${DEFAULT-VALUE}).")
    private String topic;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleReader reader = new ArticleReader(System.in);
        List<InputArticle> articles = new ArrayList<>();
        reader.read(inputs, articles::add);
        reader.problems().forEach(problem -> err.println("skipped " + problem));
        err.flush();
        Preflight.kafka(client.bootstrapServers(), client.kafkaSettings());
        Preflight.registry(client.registry());
        ArticlePublisher.Outcome outcome;
        try (ArticlePublisher publisher = new ArticlePublisher(client.bootstrapServers(), client.kafkaSettings(), client.registry(), topic)) {
            outcome = publisher.publishAll(articles, System.console() != null ? ArticlePublisher.Progress.bar(out) : ArticlePublisher.Progress.none());
        }
        outcome.failures().forEach(problem -> err.println("not published " + problem));
        err.flush();
        int skipped = reader.problems().size() + outcome.failures().size();
        out.println("Published " + outcome.published() + " articles to " + topic + "; " + skipped + " skipped.");
        out.flush();
        return skipped == 0 ? 0 : FailureHandler.EXIT_FAILURE;
    }
}
