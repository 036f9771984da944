package io.tensionstreams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void theIndexRisesWithEscalationFallsWithDeescalationAndStaysWithinBounds() {
        double previous = -1;
        for (double escalation = 0; escalation <= 500; escalation += 5) {
            double index = TensionIndex.of(escalation, 0, 20);
            assertThat(index).isBetween(0.0, 100.0).isGreaterThanOrEqualTo(previous);
            previous = index;
        }
        assertThat(TensionIndex.of(10, 6, 20)).isLessThan(TensionIndex.of(10, 0, 20));
        assertThat(TensionIndex.of(0, 50, 20)).isZero();
        assertThat(TensionIndex.of(1e9, 0, 20)).isEqualTo(100.0);
    }

    @Test
    void aWindowAddsUpItsContributionsAndKeepsTheStrongestArticles() {
        PairWindow window = PairWindow.empty();
        for (int i = 0; i < 8; i++) {
            // Every article is about Taiwan; the odd ones also mention chips in passing.
            List<String> mentions = i % 2 == 0 ? List.of("taiwan") : List.of("taiwan", "chips");
            window = window.add(new Contribution("a" + i, "source-" + (i % 3), "CN-US", i, 1, 0.5, List.of("taiwan"), mentions), 5);
        }

        assertThat(window.articles()).isEqualTo(8);
        assertThat(window.sources()).containsExactly("source-0", "source-1", "source-2");
        assertThat(window.escalation()).isEqualTo(28.0);
        assertThat(window.deescalation()).isEqualTo(8.0);
        assertThat(window.themes().get("taiwan")).isEqualTo(new PairWindow.ThemeTally(8, 28.0, 8));
        assertThat(window.themes().get("chips")).as("mentioned, never substantive").isEqualTo(new PairWindow.ThemeTally(0, 0, 4));
        assertThat(window.topArticles()).extracting(PairWindow.TopArticle::id).containsExactly("a7", "a6", "a5", "a4", "a3");
    }

    @Test
    void distinctSourcesAreRememberedOnlyUpToABound() {
        PairWindow window = PairWindow.empty();
        for (int i = 0; i < PairWindow.MAX_SOURCES + 50; i++) {
            window = window.add(new Contribution("a" + i, "s" + i, "CN-US", 1, 0, 0.5, List.of(), List.of()), 5);
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

    @Test
    void theAlertRuleNeedsHistoryAFloorAndKStandardDeviations() {
        AlertRule rule = new AlertRule(3, 30, 24, 3, 60, 5);
        Baseline calm = new Baseline(10, 20, 16);

        assertThat(rule.judge(45, calm)).hasValueSatisfying(verdict -> {
            assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.JUMP);
            assertThat(verdict.zScore()).isCloseTo(5.0, within(1e-9));
        });
        assertThat(rule.judge(30, calm)).isEmpty(); // z = 2
        assertThat(rule.judge(29, new Baseline(10, 2, 1))).isEmpty(); // below the floor
        assertThat(rule.judge(90, new Baseline(2, 10, 1))).isEmpty(); // too little history
        assertThat(rule.judge(65, Baseline.empty())).hasValueSatisfying(verdict -> assertThat(verdict.reason()).isEqualTo(AlertRule.Reason.FIRST_SEEN));
        assertThat(rule.judge(55, Baseline.empty())).isEmpty();
    }
}
