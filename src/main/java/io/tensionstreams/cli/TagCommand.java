package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.tensionstreams.app.ArticleReader;
import io.tensionstreams.app.InputArticle;
import io.tensionstreams.tagging.ArticleTags;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.tagging.ThemeMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code tension tag}: tags articles from files or standard input, without Kafka. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag articles: themes, country pairs, direction and the evidence for each. No Kafka needed.")
final class TagCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILES", arity = "0..*", defaultValue = "-",
            description = ".txt files (first line the title), .jsonl files, directories, or - for JSON lines on stdin (default).")
    private List<String> inputs;

    @Option(names = "--format", defaultValue = "text", description = "text (a readable summary, default) or jsonl.")
    private Format format;

    @Mixin
    private TaxonomyOption taxonomy;

    @Override
    public Integer call() {
        Tagger tagger = taxonomy.tagger();
        PrintWriter out = spec.commandLine().getOut();
        ArticleReader reader = new ArticleReader(System.in);
        reader.read(inputs, article -> {
            ArticleTags tags = tagger.tag(article.text());
            out.println(format == Format.jsonl ? TagsJson.of(article.id(), tags).toString() : summary(article, tags));
            out.flush();
        });
        reader.problems().forEach(problem -> spec.commandLine().getErr().println("skipped " + problem));
        spec.commandLine().getErr().flush();
        return reader.problems().isEmpty() ? 0 : FailureHandler.EXIT_FAILURE;
    }

    private static String summary(InputArticle article, ArticleTags tags) {
        StringBuilder text = new StringBuilder();
        text.append(article.id()).append(": ").append(article.title()).append('\n');
        text.append("  direction: ").append(tags.direction().label())
                .append(String.format(" (escalation %.1f, de-escalation %.1f)%n", tags.escalation(), tags.deescalation()));
        if (tags.themes().isEmpty()) {
            text.append("  themes: none\n");
        }
        for (ThemeMatch theme : tags.themes()) {
            text.append(themeLine("theme  ", theme));
        }
        for (ThemeMatch mention : tags.mentions()) {
            if (!tags.hasTheme(mention.theme())) {
                text.append(themeLine("mention", mention));
            }
        }
        if (tags.pairs().isEmpty()) {
            text.append("  pairs: none\n");
        }
        for (PairMatch pair : tags.pairs()) {
            text.append(String.format("  pair    %-16s %.2f  escalation %.1f, de-escalation %.1f  %s%n", pair.pair(), pair.tension(),
                    pair.escalation(), pair.deescalation(), pair.themes()));
        }
        return text.toString();
    }

    /** A theme the article is about ({@code theme}) or one it only refers to ({@code mention}), with its first words of evidence. */
    private static String themeLine(String kind, ThemeMatch theme) {
        return String.format("  %s %-16s %.2f  %s%n", kind, theme.theme(), theme.score(),
                theme.evidence().stream().map(e -> "\"" + e.text() + "\"").distinct().limit(6).collect(Collectors.joining(", ")));
    }
}
