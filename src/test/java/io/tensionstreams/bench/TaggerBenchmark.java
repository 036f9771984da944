package io.tensionstreams.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.Tagger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tagger on one thread: articles per second and characters per second (about bytes per second
 * for English text), over the labelled corpus ("dev") and over long synthetic articles.
 *
 * <p>Run: {@code mvn -B test-compile exec:exec@jmh -Djmh.args="TaggerBenchmark"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@State(Scope.Thread)
public class TaggerBenchmark {
    @Param({"dev", "long"})
    public String set;

    private Tagger tagger;
    private List<ArticleText> articles;
    /** Each article's length, counted once: {@link ArticleText#fullText} builds a new string on every call. */
    private int[] lengths;
    private int next;

    /** Articles and characters tagged, reported by JMH as rates per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Tagged {
        public long articles;
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            articles = 0;
            chars = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        tagger = Tagger.bundled();
        articles = "dev".equals(set)
                ? BenchArticles.corpus(Path.of(System.getProperty("corpus", "../shared/corpus/dev.jsonl")))
                : BenchArticles.synthetic(20, 50_000, 7);
        if (articles.isEmpty()) {
            articles = BenchArticles.synthetic(40, 1_500, 11);
        }
        lengths = articles.stream().mapToInt(article -> article.fullText().length()).toArray();
    }

    @Benchmark
    public void tag(Tagged tagged, Blackhole blackhole) {
        blackhole.consume(tagger.tag(articles.get(next)));
        tagged.articles++;
        tagged.chars += lengths[next];
        next = (next + 1) % articles.size();
    }
}
