package io.tensionstreams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The scoring arithmetic, pinned by the properties it must have rather than by its constants. */
class ScoringTest {
    private static final double SCALE = TensionIndex.DEFAULT_EVIDENCE_SCALE;
    private static final AlertRule RULE = AlertRule.DEFAULT;

    private static Contribution hostile(String id) {
        return new Contribution(id, "wire", "CN-PH", 6, 0, 0.8, 0.9, List.of("south_china_sea"), List.of());
    }

    private static Contribution calm(String id) {
        return new Contribution(id, "wire", "CN-PH", 0, 3, 0.2, 0.8, List.of(), List.of());
    }

    private static Contribution neutral(String id) {
        return new Contribution(id, "wire", "CN-PH", 0, 0, 0.3, 0.5, List.of(), List.of());
    }

    private static PairWindow windowOf(List<Contribution> contributions) {
        PairWindow window = PairWindow.empty();
        for (Contribution contribution : contributions) {
            window = window.add(contribution, 5);
        }
        return window;
    }

    /** {@code copies} times the same mix: 6 hostile, 3 calm, 1 neutral article. */
    private static PairWindow mix(int copies) {
        List<Contribution> articles = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (int h = 0; h < 6; h++) {
                articles.add(hostile("h" + i + "-" + h));
            }
            for (int c = 0; c < 3; c++) {
                articles.add(calm("c" + i + "-" + c));
            }
            articles.add(neutral("n" + i));
        }
        return windowOf(articles);
    }

    private static List<Contribution> many(int count, java.util.function.Function<String, Contribution> story, String prefix) {
        List<Contribution> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            articles.add(story.apply(prefix + i));
        }
        return articles;
    }

    @Test
    void theSameMixOfStoriesScoresTheSameAtOneAndAHundredTimesTheVolume() {
        PairWindow once = mix(1);
        PairWindow hundredfold = mix(100);

        assertThat(hundredfold.articles()).isEqualTo(100 * once.articles());
        assertThat(hundredfold.intensity()).isCloseTo(once.intensity(), within(1e-9));
        assertThat(hundredfold.index(SCALE)).isCloseTo(once.index(SCALE), within(1.0));
        assertThat(once.intensity()).as("mostly hostile").isBetween(20.0, 80.0);
    }

    @Test
    void aThousandCalmArticlesAndTenHostileOnesAreLessTenseThanThreeHostileOnesAlone() {
        List<Contribution> diluted = new ArrayList<>(many(1000, ScoringTest::calm, "c"));
        diluted.addAll(many(10, ScoringTest::hostile, "h"));
        PairWindow mostlyCalm = windowOf(diluted);
        PairWindow threeHostile = windowOf(many(3, ScoringTest::hostile, "h"));

        assertThat(mostlyCalm.intensity()).isLessThan(threeHostile.intensity());
        assertThat(mostlyCalm.index(SCALE)).isLessThan(threeHostile.index(SCALE));
    }

    @Test
    void aWindowOfOnlyDeescalatingArticlesHasNegativeIntensityAndNoTension() {
        PairWindow talks = windowOf(many(4, ScoringTest::calm, "c"));

        assertThat(talks.intensity()).isNegative();
        assertThat(talks.index(SCALE)).isZero();
        assertThat(windowOf(many(4, ScoringTest::neutral, "n")).intensity()).as("neutral coverage is neither").isZero();
    }

    @Test
    void intensityIsTheCentralityWeightedMeanStance() {
        PairWindow window = windowOf(List.of(hostile("h"), new Contribution("c", "wire", "CN-PH", 0, 3, 0.1, 0.3, List.of(), List.of())));

        double expected = 100 * (0.9 * (6.0 / 7) + 0.3 * (-3.0 / 4)) / (0.9 + 0.3);
        assertThat(window.intensity()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void theIndexStaysWithinBoundsAndOneArticleCannotReachAnAlertLevel() {
        for (double intensity = -100; intensity <= 100; intensity += 10) {
            for (double evidence = 0; evidence <= 1000; evidence = evidence * 2 + 0.5) {
                assertThat(TensionIndex.of(intensity, evidence, SCALE)).isBetween(0.0, 100.0);
            }
        }
        double ceiling = TensionIndex.singleArticleCeiling(SCALE);
        assertThat(windowOf(List.of(new Contribution("x", "wire", "CN-PH", 1e6, 0, 1, 1, List.of(), List.of()))).index(SCALE))
                .isLessThanOrEqualTo(ceiling);
        assertThat(ceiling).isLessThan(RULE.floor()).isLessThan(RULE.firstSeenLevel());
    }

    @Test
    void aQuietPairThatSuddenlyGetsHostileCoverageAlerts() {
        PairHistory history = PairHistory.empty();
        for (int window = 0; window < 8; window++) {
            PairWindow quiet = windowOf(List.of(calm("c" + window), neutral("n" + window)));
            assertThat(judge(quiet, 200, history)).isEmpty();
            history = history.update(measures(quiet, 200), RULE.history());
        }

        PairWindow strike = windowOf(many(4, ScoringTest::hostile, "h"));

        assertThat(judge(strike, 200, history)).hasValueSatisfying(verdict -> {
            assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.INTENSITY_JUMP);
            assertThat(verdict.zScore()).isGreaterThanOrEqualTo(RULE.k());
        });
    }

    @Test
    void aBusyPairWithSteadyHostileCoverageDoesNotAlert() {
        Random random = new Random(7);
        PairHistory history = PairHistory.empty();
        for (int window = 0; window < 60; window++) {
            // Hundreds of articles a window, two thirds hostile give or take a few, a steady share of a busy feed.
            int hostile = 300 + random.nextInt(40);
            int calm = 150 + random.nextInt(40);
            List<Contribution> articles = new ArrayList<>(many(hostile, ScoringTest::hostile, "h"));
            articles.addAll(many(calm, ScoringTest::calm, "c"));
            PairWindow busy = windowOf(articles);
            long windowArticles = 5_000 + random.nextInt(500);

            Optional<AlertRule.Verdict> verdict = judge(busy, windowArticles, history);
            if (history.windows() > 0) {
                assertThat(verdict).as("window %d", window).isEmpty();
            }
            history = history.update(measures(busy, windowArticles), RULE.history());
        }
    }

    @Test
    void aSteadilyTensePairThatSuddenlyDominatesTheNewsAlertsOnAttention() {
        PairHistory history = PairHistory.empty();
        PairWindow usual = windowOf(many(10, ScoringTest::hostile, "h"));
        for (int window = 0; window < 10; window++) {
            history = history.update(measures(usual, 1_000), RULE.history());
        }
        PairWindow surge = windowOf(many(300, ScoringTest::hostile, "s"));

        assertThat(judge(surge, 1_000, history)).hasValueSatisfying(verdict ->
                assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.ATTENTION_JUMP));
    }

    @Test
    void theAlertRuleNeedsHistoryAndAFloorAndFirstSeenNeedsALevel() {
        PairHistory calm = new PairHistory(new Baseline(10, -20, 25), new Baseline(10, 0.01, 0));

        assertThat(RULE.judge(new WindowMeasures(39, 60, 0.01), calm)).as("below the floor").isEmpty();
        assertThat(RULE.judge(new WindowMeasures(45, 60, 0.01), calm)).hasValueSatisfying(verdict -> {
            assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.INTENSITY_JUMP);
            assertThat(verdict.zScore()).isCloseTo(8.0, within(1e-9)); // (60 - -20) / max(10, 5)
            assertThat(verdict.baselineMean()).isEqualTo(-20);
        });
        PairHistory seenTwice = new PairHistory(new Baseline(2, -20, 25), new Baseline(2, 0.01, 0));
        assertThat(RULE.judge(new WindowMeasures(90, 90, 0.5), seenTwice)).as("too little history").isEmpty();
        assertThat(RULE.judge(new WindowMeasures(55, 70, 0.1), PairHistory.empty()))
                .hasValueSatisfying(verdict -> assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.FIRST_SEEN));
        assertThat(RULE.judge(new WindowMeasures(45, 70, 0.1), PairHistory.empty())).isEmpty();
    }

    @Test
    void attentionIsAShareThatNeverExceedsOne() {
        assertThat(Attention.share(5, 200)).isEqualTo(0.025);
        assertThat(Attention.share(5, 3)).as("a total that lags the pair").isEqualTo(1.0);
        assertThat(Attention.share(5, 0)).as("a total not known yet").isZero();
    }

    @Test
    void aWindowAddsUpItsContributionsAndKeepsTheStrongestArticles() {
        PairWindow window = PairWindow.empty();
        for (int i = 0; i < 8; i++) {
            // Every article is about Taiwan; the odd ones also mention chips in passing.
            List<String> mentions = i % 2 == 0 ? List.of("taiwan") : List.of("taiwan", "chips");
            window = window.add(new Contribution("a" + i, "source-" + (i % 3), "CN-US", i, 1, 0.5, 0.5, List.of("taiwan"), mentions), 5);
        }

        assertThat(window.articles()).isEqualTo(8);
        assertThat(window.sources()).containsExactly("source-0", "source-1", "source-2");
        assertThat(window.escalation()).isEqualTo(28.0);
        assertThat(window.deescalation()).isEqualTo(8.0);
        assertThat(window.weight()).isCloseTo(4.0, within(1e-9));
        assertThat(window.themes().get("taiwan")).isEqualTo(new PairWindow.ThemeTally(8, 28.0, 8));
        assertThat(window.themes().get("chips")).as("mentioned, never substantive").isEqualTo(new PairWindow.ThemeTally(0, 0, 4));
        assertThat(window.topArticles()).extracting(PairWindow.TopArticle::id).containsExactly("a7", "a6", "a5", "a4", "a3");
    }

    @Test
    void themesRankByEscalationThenArticlesAboutThemThenMentionsThenName() {
        PairWindow window = PairWindow.empty()
                .add(new Contribution("a", "wire", "CN-US", 2, 0, 0.5, 0.5, List.of("chips"), List.of("chips", "ukraine", "taiwan")), 5)
                .add(new Contribution("b", "wire", "CN-US", 0, 1, 0.5, 0.5, List.of("cuba_espionage"), List.of("cuba_espionage", "taiwan", "south_china_sea")), 5)
                .add(new Contribution("c", "wire", "CN-US", 0, 1, 0.5, 0.5, List.of(), List.of("ukraine", "taiwan")), 5);

        // taiwan is mentioned three times; ukraine twice; south_china_sea once.
        assertThat(window.themesByStrength()).containsExactly("chips", "cuba_espionage", "taiwan", "ukraine", "south_china_sea");
        assertThat(PairWindow.empty()
                .add(new Contribution("d", "wire", "CN-US", 1, 0, 0.5, 0.5, List.of(), List.of("ukraine", "chips", "taiwan")), 5)
                .themesByStrength()).as("tied themes by name, whatever the map's order").containsExactly("chips", "taiwan", "ukraine");
    }

    @Test
    void distinctSourcesAreRememberedOnlyUpToABound() {
        PairWindow window = PairWindow.empty();
        for (int i = 0; i < PairWindow.MAX_SOURCES + 50; i++) {
            window = window.add(new Contribution("a" + i, "s" + i, "CN-US", 1, 0, 0.5, 0.5, List.of(), List.of()), 5);
        }
        assertThat(window.sources()).hasSize(PairWindow.MAX_SOURCES);
        assertThat(window.articles()).isEqualTo(PairWindow.MAX_SOURCES + 50);
    }

    @Test
    void theBaselineTracksAnExponentiallyWeightedMeanAndVariance() {
        Baseline baseline = Baseline.empty();
        for (int i = 0; i < 200; i++) {
            baseline = baseline.update(i % 2 == 0 ? 40 : 60, 24);
        }
        assertThat(baseline.windows()).isEqualTo(200);
        assertThat(baseline.mean()).isCloseTo(50, within(1.0));
        assertThat(baseline.standardDeviation()).isCloseTo(10, within(1.0));
    }

    private static WindowMeasures measures(PairWindow window, long windowArticles) {
        return new WindowMeasures(window.index(SCALE), window.intensity(), Attention.share(window.articles(), windowArticles));
    }

    private static Optional<AlertRule.Verdict> judge(PairWindow window, long windowArticles, PairHistory history) {
        return RULE.judge(measures(window, windowArticles), history);
    }
}
