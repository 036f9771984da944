package io.tensionstreams.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.avro.ThemeScore;
import io.tensionstreams.scoring.PairWindow;
import org.apache.kafka.streams.kstream.Windowed;

/** Writes a pair's window aggregate as the public {@link TensionScore} record; {@link AttentionShareFiller} adds the window's total. */
final class ScoreMapper {
    private final String windowLabel;
    private final double evidenceScale;

    ScoreMapper(String windowLabel, double evidenceScale) {
        this.windowLabel = windowLabel;
        this.evidenceScale = evidenceScale;
    }

    TensionScore scoreOf(Windowed<String> window, PairWindow aggregate, boolean isFinal) {
        return scoreOf(window.key(), window.window().start(), window.window().end(), aggregate, isFinal);
    }

    TensionScore scoreOf(String pair, long windowStart, long windowEnd, PairWindow aggregate, boolean isFinal) {
        String[] codes = pair.split("-", 2);
        return TensionScore.newBuilder()
                .setPair(pair)
                .setCountryA(codes[0])
                .setCountryB(codes.length > 1 ? codes[1] : "")
                .setWindowSize(windowLabel)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setArticles(aggregate.articles())
                .setSources(aggregate.sources().size())
                .setEscalation(round(aggregate.escalation()))
                .setDeescalation(round(aggregate.deescalation()))
                .setIndex(round(aggregate.index(evidenceScale)))
                .setIntensity(round(aggregate.intensity()))
                .setThemes(themes(aggregate))
                .setTopArticles(aggregate.topArticles().stream().map(PairWindow.TopArticle::id).toList())
                .setFinal$(isFinal)
                .build();
    }

    private static List<ThemeScore> themes(PairWindow aggregate) {
        Map<String, PairWindow.ThemeTally> tallies = aggregate.themes();
        return aggregate.themesByStrength().stream()
                .map(theme -> new ThemeScore(theme, tallies.get(theme).articles(), round(tallies.get(theme).escalation()),
                        tallies.get(theme).mentions()))
                .toList();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
