package io.tensionstreams.bench;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The throughput of one phase, two ways: end to end, from the streams' start (start-up, task
 * assignment and the first transactions included), and running, the records after the first
 * committed output over the time from it to the last (what the topology sustains once it runs, a
 * long-running service's rate).
 */
record Rates(int count, long start, FirstOutput first, long last) {
    double endToEnd() {
        return count / ((last - start) / 1e9);
    }

    /** The records that came after the first read, over the time since: the first transaction's records arrived at once. */
    double running() {
        return (count - first.records()) / (Math.max(1, last - first.nanos()) / 1e9);
    }

    double startUpSeconds() {
        return (first.nanos() - start) / 1e9;
    }

    void report(String key, String label, Map<String, Object> figures, PrintWriter out) {
        figures.put(key + "ArticlesPerSecond", Figures.round(endToEnd()));
        figures.put(key + "RunningArticlesPerSecond", Figures.round(running()));
        figures.put(key + "StartUpSeconds", Figures.round(startUpSeconds()));
        out.printf("%-44s %10.0f   (%.1f s)%n", "end to end, " + label + " (articles/s)", endToEnd(), (last - start) / 1e9);
        out.printf("%-44s %10.0f   (first output after %.1f s)%n", "  running, " + label + " (articles/s)", running(), startUpSeconds());
        out.flush();
    }
}
