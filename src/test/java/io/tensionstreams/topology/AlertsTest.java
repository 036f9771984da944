package io.tensionstreams.topology;

import io.tensionstreams.testing.Stories;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.scoring.AlertRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final Instant HOUR_0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final AlertRule RULE = AlertRule.DEFAULT;
    private final TopologyFixture fixture = new TopologyFixture(TopologyConfig.defaults()
            .withWindows(List.of(Duration.ofHours(1)), Duration.ZERO)
            .withAlerts(RULE));

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Instant hour(int n) {
        return HOUR_0.plus(Duration.ofHours(n)).plus(Duration.ofMinutes(10));
    }

    private void waterCannon(int hour, int count) {
        for (int i = 0; i < count; i++) {
            fixture.publish(Stories.waterCannon("wc-" + hour + "-" + i, hour(hour).plusSeconds(i)));
        }
    }

    private void hotline(int hour, int count) {
        for (int i = 0; i < count; i++) {
            fixture.publish(Stories.hotline("hl-" + hour + "-" + i, hour(hour).plusSeconds(30 + i)));
        }
    }

    private void festival(int hour, int count) {
        for (int i = 0; i < count; i++) {
            fixture.publish(Stories.festival("fe-" + hour + "-" + i, hour(hour).plusSeconds(60 + i)));
        }
    }

    /** Windows close by the stream time of the pair aggregation, which only articles with a pair move on. */
    private void closeHoursBefore(int hour) {
        fixture.publish(Stories.talks("close-" + hour, hour(hour)));
    }

    @Test
    void aQuietPairWhoseCoverageTurnsHostileAlertsOnIntensity() {
        for (int hour = 0; hour < 4; hour++) {
            hotline(hour, 1);
            festival(hour, 3);
        }
        waterCannon(4, 4);
        festival(4, 3);
        closeHoursBefore(6);

        List<TensionAlert> alerts = fixture.alerts.readValuesToList();

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getPair()).isEqualTo("CN-PH");
            assertThat(alert.getReason()).isEqualTo("intensity-jump");
            assertThat(alert.getWindowStart()).isEqualTo(HOUR_0.plus(Duration.ofHours(4)));
            assertThat(alert.getIntensity()).isPositive().isGreaterThan(alert.getBaselineMean());
            assertThat(alert.getBaselineMean()).as("the calm hours").isNegative();
            assertThat(alert.getZScore()).isGreaterThanOrEqualTo(RULE.k());
            assertThat(alert.getIndex()).isGreaterThanOrEqualTo(RULE.floor());
            assertThat(alert.getAttentionShare()).isCloseTo(4.0 / 7, org.assertj.core.data.Offset.offset(0.001));
            assertThat(alert.getThemes()).contains("south_china_sea");
            assertThat(alert.getArticleIds()).hasSize(4).allMatch(id -> id.startsWith("wc-4-"));
        });
    }

    @Test
    void anAlertNamesTheThemesItsArticlesAreAboutNotThoseTheyOnlyMention() {
        for (int hour = 0; hour < 4; hour++) {
            hotline(hour, 1);
            festival(hour, 3);
        }
        for (int i = 0; i < 4; i++) {
            String id = "wu-4-" + i;
            fixture.publish(Stories.article(id, "Chinese coast guard fires water cannon at Philippine boat", Stories.WATER_CANNON_BODY
                    + " The clash came as analysts watched the war in Ukraine." + Stories.signature(id), "wire-b", hour(4).plusSeconds(i)));
        }
        festival(4, 3);
        closeHoursBefore(6);

        assertThat(fixture.finalScores.readValuesToList()).as("the window counts the articles that mention Ukraine")
                .anySatisfy(score -> assertThat(score.getThemes()).anySatisfy(theme -> {
                    assertThat(theme.getTheme()).isEqualTo("ukraine");
                    assertThat(theme.getArticles()).isZero();
                    assertThat(theme.getMentions()).isEqualTo(4);
                }));
        assertThat(fixture.alerts.readValuesToList()).singleElement()
                .satisfies(alert -> assertThat(alert.getThemes()).containsExactly("south_china_sea"));
    }

    @Test
    void aBusyPairWithSteadyHostileCoverageDoesNotAlertAfterItIsFirstSeen() {
        for (int hour = 0; hour < 8; hour++) {
            // The same hostile share each hour, at different volumes.
            int volume = 1 + hour % 3;
            waterCannon(hour, 3 * volume);
            festival(hour, 2 * volume);
        }
        closeHoursBefore(10);

        List<TensionAlert> alerts = fixture.alerts.readValuesToList();

        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getReason()).isEqualTo("first-seen");
            assertThat(alert.getWindowStart()).isEqualTo(HOUR_0);
        });
    }

    @Test
    void aPairFirstSeenAtAHighScoreAlertsAndOneFirstSeenLowDoesNot() {
        for (int i = 0; i < 6; i++) {
            fixture.publish(Stories.drills("dr-" + i, hour(0).plusSeconds(i)));
        }
        waterCannon(0, 1); // one article: no level it can reach alerts
        waterCannon(2, 1); // closes hour 0

        List<TensionAlert> alerts = fixture.alerts.readValuesToList();

        assertThat(alerts).extracting(TensionAlert::getPair).containsExactly("CN-TW");
        assertThat(alerts.get(0).getReason()).isEqualTo("first-seen");
        assertThat(alerts.get(0).getZScore()).isNull();
        assertThat(alerts.get(0).getIndex()).isGreaterThanOrEqualTo(RULE.firstSeenLevel());
    }
}
