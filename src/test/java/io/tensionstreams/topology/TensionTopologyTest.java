package io.tensionstreams.topology;

import io.tensionstreams.testing.Stories;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.PairSignal;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.avro.ThemeScore;
import io.tensionstreams.scoring.Contribution;
import io.tensionstreams.scoring.PairWindow;
import io.tensionstreams.scoring.TensionIndex;
import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.PairMatch;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TensionTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:05:00Z");
    private final TopologyFixture fixture = new TopologyFixture(TopologyConfig.defaults()
            .withWindows(List.of(Duration.ofHours(1)), Duration.ofMinutes(30)));

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<TensionScore> finalsFor(String pair) {
        return fixture.finalScores.readValuesToList().stream().filter(score -> score.getPair().equals(pair)).toList();
    }

    /** A later article on another pair moves stream time past the windows before it. */
    private void advanceStreamTime(Instant to) {
        fixture.publish(Stories.talks("clock-" + to.toEpochMilli(), to));
    }

    @Test
    void anExactDuplicateIdIsDroppedBeforeTagging() {
        fixture.publish(Stories.drills("a-1", T0));
        fixture.publish(Stories.drills("a-1", T0.plusSeconds(60)));

        assertThat(fixture.signals.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1");
    }

    @Test
    void aSyndicatedCopyIsMarkedAndCountedOnce() {
        Article original = Stories.drills("orig", T0);
        Article copy = Stories.article("copy", "Beijing holds war games near Taiwan", "TAIPEI (Island Wire) \u2014 "
                + original.getBody() + "\nCopyright 2026 Island Wire. All rights reserved.", "island-wire", T0.plusSeconds(600));

        fixture.publish(original);
        fixture.publish(copy);
        advanceStreamTime(T0.plus(Duration.ofHours(3)));

        Map<String, ArticleSignal> signals = fixture.signals.readKeyValuesToMap();
        assertThat(signals.get("orig").getDuplicateOf()).isNull();
        assertThat(signals.get("copy").getDuplicateOf()).isEqualTo("orig");
        assertThat(finalsFor("CN-TW")).singleElement().satisfies(score -> {
            assertThat(score.getArticles()).isEqualTo(1);
            assertThat(score.getTopArticles()).containsExactly("orig");
        });
    }

    @Test
    void aDifferentArticleOnTheSamePairIsCountedToo() {
        fixture.publish(Stories.drills("one", T0));
        fixture.publish(Stories.article("two", "Taiwan scrambles jets as Chinese warships circle the island",
                "Taiwan scrambled fighter jets on Friday after China sent warships and bombers toward the island, its "
                        + "defense ministry said. Beijing said the PLA drills were a warning to separatists in Taipei, and Taiwan "
                        + "condemned the intimidation.", "wire-z", T0.plusSeconds(900)));
        advanceStreamTime(T0.plus(Duration.ofHours(3)));

        assertThat(finalsFor("CN-TW")).singleElement().satisfies(score -> {
            assertThat(score.getArticles()).isEqualTo(2);
            assertThat(score.getSources()).isEqualTo(2);
        });
    }

    @Test
    void aLateArticleWithinGraceCountsAndOneAfterGraceDoesNot() {
        fixture.publish(Stories.waterCannon("on-time", T0));
        // Stream time moves to 11:20: the 10:00 window has ended but is within its 30 minutes of grace.
        fixture.publish(Stories.talks("talks-1", Instant.parse("2026-03-02T11:20:00Z")));
        fixture.publish(Stories.waterCannon("late-in-grace", Instant.parse("2026-03-02T10:40:00Z")));
        // Stream time moves past 10:00 + 1h + 30min grace: the window closes.
        fixture.publish(Stories.talks("talks-2", Instant.parse("2026-03-02T11:45:00Z")));
        fixture.publish(Stories.waterCannon("after-grace", Instant.parse("2026-03-02T10:50:00Z")));
        advanceStreamTime(Instant.parse("2026-03-02T14:00:00Z"));

        assertThat(finalsFor("CN-PH")).singleElement().satisfies(score -> {
            assertThat(score.getWindowStart()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
            assertThat(score.getArticles()).isEqualTo(2);
            assertThat(score.getTopArticles()).containsExactlyInAnyOrder("on-time", "late-in-grace");
            assertThat(score.getFinal$()).isTrue();
        });
        assertThat(fixture.late).as("the one after grace is counted as late, once per pair it ties").containsExactly("CN-PH PT1H");
    }

    @Test
    void eachWindowEmitsItsFinalRecordOnceWhenItCloses() {
        fixture.publish(Stories.waterCannon("w-1", T0));
        fixture.publish(Stories.waterCannon("w-2", T0.plus(Duration.ofMinutes(20))));
        assertThat(fixture.finalScores.isEmpty()).isTrue();
        assertThat(fixture.scores.readValuesToList()).filteredOn(score -> score.getPair().equals("CN-PH"))
                .extracting(TensionScore::getArticles).containsExactly(1, 2);

        advanceStreamTime(T0.plus(Duration.ofHours(2)));
        advanceStreamTime(T0.plus(Duration.ofHours(5)));

        List<TensionScore> finals = finalsFor("CN-PH");
        assertThat(finals).hasSize(1);
        assertThat(finals.get(0).getArticles()).isEqualTo(2);
        assertThat(finals.get(0).getWindowSize()).isEqualTo("PT1H");
    }

    @Test
    void windowSumsEqualTheTaggersContributionsAddedByHand() {
        List<Article> batch = List.of(Stories.drills("d-1", T0), Stories.waterCannon("c-1", T0.plusSeconds(60)),
                Stories.talks("t-1", T0.plusSeconds(120)), Stories.article("t-2", "Washington and Beijing hold talks",
                        "China and the United States held candid talks in Vienna and agreed to keep lines of communication open, "
                                + "though Washington warned Beijing over its drills near Taiwan.", "wire-d", T0.plusSeconds(180)));
        batch.forEach(fixture::publish);
        advanceStreamTime(T0.plus(Duration.ofHours(3)));

        Map<String, PairWindow> expected = new java.util.TreeMap<>();
        for (Article article : batch) {
            for (PairMatch pair : TopologyFixture.TAGGER.tag(new ArticleText(article.getId(), article.getTitle(), article.getBody(), null)).pairs()) {
                Contribution contribution = new Contribution(article.getId(), article.getSource(), pair.pair(), pair.escalation(),
                        pair.deescalation(), pair.tension(), pair.centrality(), pair.themes(), List.of());
                expected.merge(pair.pair(), PairWindow.empty().add(contribution, 5), (sum, one) -> sum.add(contribution, 5));
            }
        }
        Map<String, TensionScore> finals = fixture.finalScores.readValuesToList().stream()
                .filter(score -> score.getWindowStart().equals(Instant.parse("2026-03-02T10:00:00Z")))
                .collect(Collectors.toMap(TensionScore::getPair, score -> score));

        assertThat(finals.keySet()).isEqualTo(expected.keySet());
        expected.forEach((pair, sums) -> {
            TensionScore score = finals.get(pair);
            org.assertj.core.data.Offset<Double> rounding = org.assertj.core.data.Offset.offset(0.01);
            assertThat(score.getEscalation()).as(pair).isCloseTo(sums.escalation(), rounding);
            assertThat(score.getDeescalation()).as(pair).isCloseTo(sums.deescalation(), rounding);
            assertThat(score.getArticles()).as(pair).isEqualTo(sums.articles());
            assertThat(score.getIntensity()).as(pair).isCloseTo(sums.intensity(), rounding);
            assertThat(score.getIndex()).as(pair).isCloseTo(sums.index(TensionIndex.DEFAULT_EVIDENCE_SCALE), rounding);
            assertThat(score.getWindowArticles()).as("every article of the window, of any pair").isEqualTo(batch.size());
            assertThat(score.getAttentionShare()).as(pair).isCloseTo((double) sums.articles() / batch.size(), org.assertj.core.data.Offset.offset(0.001));
        });
    }

    @Test
    void signalsCarryTheTaggersFindingsAndEvidence() {
        fixture.publish(Stories.waterCannon("s-1", T0));

        ArticleSignal signal = fixture.signals.readValue();
        assertThat(signal.getThemes()).extracting(hit -> hit.getTheme()).contains("south_china_sea");
        assertThat(signal.getPairs()).extracting(PairSignal::getPair).contains("CN-PH");
        assertThat(signal.getDirection()).isEqualTo("escalation");
        assertThat(signal.getPublishedAt()).isEqualTo(T0);
        assertThat(signal.getFingerprint()).as("16 hex digits, exact in every client").matches("[0-9a-f]{16}").isNotEqualTo("0000000000000000");
    }

    @Test
    void passingMentionsReachTheSignalAndAreCountedApartFromSubstantiveThemesInTheWindow() {
        Article aside = Stories.article("m-1", "Chinese coast guard fires water cannon at Philippine boat",
                "A Chinese coast guard ship fired a water cannon at a Philippine supply boat near Second Thomas Shoal, Manila said. "
                        + "Beijing claims most of the South China Sea and accused Manila of trespassing near the shoal. "
                        + "Manila also raised the war in Ukraine at the same briefing.", "wire-m", T0);
        fixture.publish(aside);
        advanceStreamTime(T0.plus(Duration.ofHours(3)));

        ArticleSignal signal = fixture.signals.readValue();
        assertThat(signal.getThemes()).extracting(ThemeHit::getTheme).containsExactly("south_china_sea");
        assertThat(signal.getMentions()).extracting(ThemeHit::getTheme).containsExactlyInAnyOrder("south_china_sea", "ukraine");
        TensionScore score = finalsFor("CN-PH").get(0);
        Map<String, ThemeScore> themes = score.getThemes().stream().collect(Collectors.toMap(ThemeScore::getTheme, theme -> theme));
        assertThat(themes.get("south_china_sea").getArticles()).isEqualTo(1);
        assertThat(themes.get("south_china_sea").getMentions()).isEqualTo(1);
        assertThat(themes.get("ukraine").getArticles()).as("a passing mention is not substantive").isZero();
        assertThat(themes.get("ukraine").getMentions()).isEqualTo(1);
    }

    @Test
    void aPublicationTimeSlightlyInTheFutureIsClampedToTheRecordTime() {
        Instant recordTime = T0.plus(Duration.ofMinutes(5));
        fixture.publish(Stories.waterCannon("future", recordTime.plus(Duration.ofHours(3))), recordTime);

        assertThat(fixture.signals.readValue().getPublishedAt()).isEqualTo(recordTime);
    }

    // Records that cannot be deserialised reach the dead-letter topic through the deserialization
    // handler, which TopologyTestDriver 4.4 does not route to an output topic; that path is tested
    // against the real broker in TensionTopologyIntegrationTest.
    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndGoodOnesAroundThemCount() {
        fixture.publish(Stories.waterCannon("good-1", T0));
        fixture.publish(Stories.article("empty", "", "", "wire", T0.plusSeconds(20)));
        fixture.publish(Stories.article("huge", "Big", "x".repeat(fixture.config.maxBodyChars() + 1), "wire", T0.plusSeconds(30)));
        fixture.publish(Stories.article("ancient", "Old news", "Ships met at sea.", "wire", Instant.parse("1970-01-01T00:00:00Z")),
                T0.plusSeconds(35));
        // Before 1970 the event time would be negative, which Kafka Streams drops without a word.
        fixture.publish(Stories.article("pre-epoch", "Older news", "Ships met at sea.", "wire", Instant.parse("1962-10-16T00:00:00Z")),
                T0.plusSeconds(35));
        fixture.publish(Stories.article("far-future", "Tomorrow's news", "Ships met at sea.", "wire", Instant.parse("2999-01-01T00:00:00Z")),
                T0.plusSeconds(36));
        fixture.publish(Stories.article("mangled", "Ships met \uFFFD\uFFFD sea", "The text was not UTF-8.", "wire", T0.plusSeconds(37)));
        fixture.rawArticles.pipeInput("tombstone", (byte[]) null, T0.plusSeconds(40));
        fixture.publish(Stories.waterCannon("good-2", T0.plusSeconds(50)));
        advanceStreamTime(T0.plus(Duration.ofHours(3)));

        List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
        assertThat(dead).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                .containsExactly("empty", "huge", "ancient", "pre-epoch", "far-future", "mangled", "tombstone");
        assertThat(reasons(dead)).satisfiesExactly(
                reason -> assertThat(reason).contains("neither title nor body"),
                reason -> assertThat(reason).contains("over the limit"),
                reason -> assertThat(reason).contains("before 1990"),
                reason -> assertThat(reason).contains("1962-10-16T00:00:00Z", "before 1990"),
                reason -> assertThat(reason).contains("2999-01-01T00:00:00Z", "more than 24 h after it was written"),
                reason -> assertThat(reason).contains("not valid UTF-8"),
                reason -> assertThat(reason).contains("null value"));
        assertThat(dead.get(0).value()).as("the raw record, as it was published").isNotEmpty();
        assertThat(finalsFor("CN-PH")).singleElement().satisfies(score -> assertThat(score.getArticles()).isEqualTo(2));
    }

    private static List<String> reasons(List<TestRecord<byte[], byte[]>> dead) {
        return dead.stream().map(record -> {
            Header message = record.headers().lastHeader("__streams.errors.message");
            return message == null ? "" : new String(message.value(), StandardCharsets.UTF_8);
        }).toList();
    }
}
