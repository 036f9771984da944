package io.tensionstreams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleArticlesTest {

    @Test
    void recentSamplesEndInTheDayBeforeNowAndKeepTheirSpacingAndText() throws Exception {
        Instant now = Instant.parse("2027-03-10T15:30:00Z");
        List<InputArticle> written = SampleArticles.all();

        List<InputArticle> recent = SampleArticles.recent(now);

        Instant newest = recent.stream().map(InputArticle::published).max(Instant::compareTo).orElseThrow();
        assertThat(newest).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofDays(1)));
        Duration shift = Duration.between(written.get(0).published(), recent.get(0).published());
        assertThat(shift.toHours() % 24).as("a whole number of days keeps windows aligned").isZero();
        assertThat(shift).isPositive();
        for (int i = 0; i < written.size(); i++) {
            assertThat(recent.get(i).published()).isEqualTo(written.get(i).published().plus(shift));
            assertThat(recent.get(i)).usingRecursiveComparison().ignoringFields("published").isEqualTo(written.get(i));
        }
    }

    @Test
    void samplesAlreadyRecentAreLeftAsWritten() throws Exception {
        List<InputArticle> written = SampleArticles.all();
        Instant newest = written.stream().map(InputArticle::published).max(Instant::compareTo).orElseThrow();

        assertThat(SampleArticles.recent(newest.plus(Duration.ofHours(3)))).isEqualTo(written);
    }
}
