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
    private static final AlertRule RULE = new AlertRule(2.0, 10.0, 24, 3, 70.0, 2.0);
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

    @Test
    void aJumpAboveTheBaselineAlertsAndSteadyWindowsDoNot() {
        for (int hour = 0; hour < 4; hour++) {
            waterCannon(hour, 1);
        }
        waterCannon(4, 6);
        waterCannon(5, 1);
        waterCannon(8, 1); // closes hour 5

        List<TensionAlert> alerts = fixture.alerts.readValuesToList();

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getPair()).isEqualTo("CN-PH");
            assertThat(alert.getReason()).isEqualTo("jump");
            assertThat(alert.getWindowStart()).isEqualTo(HOUR_0.plus(Duration.ofHours(4)));
            assertThat(alert.getIndex()).isGreaterThan(alert.getBaselineMean());
            assertThat(alert.getZScore()).isGreaterThanOrEqualTo(RULE.k());
            assertThat(alert.getThemes()).contains("south_china_sea");
            assertThat(alert.getArticleIds()).hasSize(5).allMatch(id -> id.startsWith("wc-4-"));
        });
    }

    @Test
    void aPairFirstSeenAtAHighScoreAlertsAndOneFirstSeenLowDoesNot() {
        for (int i = 0; i < 6; i++) {
            fixture.publish(Stories.drills("dr-" + i, hour(0).plusSeconds(i)));
        }
        waterCannon(0, 1);
        waterCannon(2, 1); // closes hour 0

        List<TensionAlert> alerts = fixture.alerts.readValuesToList();

        assertThat(alerts).extracting(TensionAlert::getPair).containsExactly("CN-TW");
        assertThat(alerts.get(0).getReason()).isEqualTo("first-seen");
        assertThat(alerts.get(0).getZScore()).isNull();
        assertThat(alerts.get(0).getIndex()).isGreaterThanOrEqualTo(RULE.firstSeenLevel());
    }
}
