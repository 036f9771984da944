package io.tensionstreams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.tensionstreams.app.InputArticle;
import io.tensionstreams.app.SampleArticles;
import org.junit.jupiter.api.Test;

class ArticleMixTest {
    @Test
    void generatedArticlesAreSeededAndIncludeNearCopies() throws Exception {
        var stories = SampleArticles.all();
        var first = ArticleMix.generate(400, 7, Instant.EPOCH, Duration.ofDays(1), stories);
        var again = ArticleMix.generate(400, 7, Instant.EPOCH, Duration.ofDays(1), stories);

        assertThat(first).isEqualTo(again);
        assertThat(first).filteredOn(article -> "wire-copy".equals(article.source())).isNotEmpty();
        assertThat(first).extracting(InputArticle::id).doesNotHaveDuplicates();
    }
}
