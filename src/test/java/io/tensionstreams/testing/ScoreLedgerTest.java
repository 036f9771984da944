package io.tensionstreams.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tensionstreams.avro.Article;
import io.tensionstreams.tagging.SimHash;
import org.junit.jupiter.api.Test;

/** The reliability tests' corpus must hold no near-copies, or the prediction (tagger only) would overcount. */
class ScoreLedgerTest {

    @Test
    void noTwoArticlesOfALargeCorpusAreNearCopies() {
        List<Article> corpus = ScoreLedger.corpus("ledger", 3_000, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
        long[] fingerprints = corpus.stream().mapToLong(article -> SimHash.of(article.getBody())).toArray();

        int closest = Integer.MAX_VALUE;
        for (int i = 0; i < fingerprints.length; i++) {
            for (int j = i + 1; j < fingerprints.length; j++) {
                closest = Math.min(closest, SimHash.distance(fingerprints[i], fingerprints[j]));
            }
        }
        assertThat(closest).isGreaterThan(SimHash.NEAR_DUPLICATE_DISTANCE);
    }
}
