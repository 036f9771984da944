package io.tensionstreams.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tensionstreams.tagging.PhraseMatcher;
import io.tensionstreams.tagging.TaxonomyPhrases;
import io.tensionstreams.tagging.TextFolder;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Our word-step matcher against the Aho-Corasick automaton of {@code org.ahocorasick:ahocorasick}, both finding every
 * whole-word occurrence of the bundled taxonomy's phrases in the same 1 MB of folded text.
 *
 * <p>Run: {@code mvn -B test-compile exec:exec@jmh -Djmh.args="PhraseMatcherBenchmark"}. The score is
 * scans of 1 MB per second, so it reads as MB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class PhraseMatcherBenchmark {
    private PhraseMatcher ours;
    private Trie theirs;
    private String folded;

    @Setup
    public void setUp() {
        List<String> phrases = TaxonomyPhrases.bundled();
        ours = PhraseMatcher.compile(phrases);
        theirs = Trie.builder().onlyWholeWords().addKeywords(phrases).build();
        StringBuilder text = new StringBuilder();
        BenchArticles.synthetic(20, 50_000, 3).forEach(article -> text.append(article.fullText()).append('\n'));
        folded = TextFolder.fold(text.substring(0, 1_000_000));
    }

    @Benchmark
    public int wordSteps() {
        int[] count = new int[1];
        ours.scan(folded, (phrase, start, end) -> count[0]++);
        return count[0];
    }

    @Benchmark
    public void ahocorasickLibrary(Blackhole blackhole) {
        List<Emit> emits = new ArrayList<>(theirs.parseText(folded));
        blackhole.consume(emits.size());
    }
}
