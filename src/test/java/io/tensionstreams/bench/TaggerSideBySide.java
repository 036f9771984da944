package io.tensionstreams.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two builds of the tagger in one JVM, tagging the corpus in alternating one-second slices: an A/B
 * comparison that this project's shared, noisy host cannot spoil as it spoils two JMH runs taken a
 * minute apart, since both sides see the same drift. Prints each side's median characters per
 * second and the median of B/A over the slice pairs, with its quartiles; the first third of the
 * slices is warm-up. On a quiet machine identical builds read 1.01-1.06, the harness's own bias,
 * so run it both ways round before believing a few per cent; beside other work the quartiles
 * widen to ±10% and more, and the figure means nothing.
 *
 * <p>Each side is a directory of compiled main classes (a checkout's {@code target/classes}),
 * loaded by its own class loader and driven by reflection, so any two commits compare:
 * <pre>
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:$(cat cp.txt) io.tensionstreams.bench.TaggerSideBySide 60 ../old/target/classes target/classes
 * </pre>
 * The class path must not hold {@code target/classes}, or both sides would get that build.
 */
public final class TaggerSideBySide {
    private static final long SLICE_NANOS = 1_000_000_000L;

    private TaggerSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: TaggerSideBySide SECONDS CLASSES_A CLASSES_B  (corpus: -Dcorpus=../shared/corpus/dev.jsonl)");
            System.exit(2);
        }
        long seconds = Long.parseLong(args[0]);
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus/dev.jsonl"));
        Side a = new Side(Path.of(args[1]), corpus);
        Side b = new Side(Path.of(args[2]), corpus);
        List<Double> ratesA = new ArrayList<>();
        List<Double> ratesB = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int slice = 0; System.nanoTime() < end; slice++) {
            // Alternate which side goes first, so that neither always follows the other.
            double rateA;
            double rateB;
            if (slice % 2 == 0) {
                rateA = a.tagFor(SLICE_NANOS);
                rateB = b.tagFor(SLICE_NANOS);
            } else {
                rateB = b.tagFor(SLICE_NANOS);
                rateA = a.tagFor(SLICE_NANOS);
            }
            ratesA.add(rateA);
            ratesB.add(rateB);
            ratios.add(rateB / rateA);
        }
        int warm = ratios.size() / 3;
        List<Double> measuredRatios = ratios.subList(warm, ratios.size());
        System.out.printf("A %.1f  B %.1f  M chars/s (medians of %d slice pairs); B/A median %.3f, quartiles %.3f-%.3f%n",
                quantile(ratesA.subList(warm, ratesA.size()), 0.5), quantile(ratesB.subList(warm, ratesB.size()), 0.5),
                measuredRatios.size(), quantile(measuredRatios, 0.5), quantile(measuredRatios, 0.25), quantile(measuredRatios, 0.75));
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    /** One build's tagger and the corpus as that build's {@code ArticleText}s. */
    private static final class Side {
        private final Object tagger;
        private final Method tag;
        private final List<Object> articles = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private int next;

        Side(Path classes, Path corpus) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, TaggerSideBySide.class.getClassLoader());
            Class<?> taggerClass = loader.loadClass("io.tensionstreams.tagging.Tagger");
            Class<?> articleClass = loader.loadClass("io.tensionstreams.tagging.ArticleText");
            if (taggerClass.getClassLoader() != loader) {
                throw new IllegalStateException("the class path holds the tagger's classes: both sides would be one build");
            }
            tagger = taggerClass.getMethod("bundled").invoke(null);
            tag = taggerClass.getMethod("tag", articleClass);
            Constructor<?> article = articleClass.getConstructor(String.class, String.class, String.class, LocalDate.class);
            Method fullText = articleClass.getMethod("fullText");
            ObjectMapper json = new ObjectMapper();
            // Read as TaggerBenchmark reads the corpus: no publication date.
            for (String line : Files.readAllLines(corpus)) {
                JsonNode node = json.readTree(line);
                Object text = article.newInstance(node.get("id").asText(), node.get("title").asText(), node.get("body").asText(), null);
                articles.add(text);
                lengths.add(((String) fullText.invoke(text)).length());
            }
        }

        /** Tags articles for about {@code nanos}; returns the characters per second, in millions. */
        double tagFor(long nanos) throws Exception {
            long start = System.nanoTime();
            long chars = 0;
            while (System.nanoTime() - start < nanos) {
                tag.invoke(tagger, articles.get(next));
                chars += lengths.get(next);
                next = (next + 1) % articles.size();
            }
            return chars / ((System.nanoTime() - start) / 1e9) / 1e6;
        }
    }
}
