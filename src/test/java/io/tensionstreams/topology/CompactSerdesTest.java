package io.tensionstreams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import io.tensionstreams.scoring.Contribution;
import io.tensionstreams.scoring.PairWindow;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CompactSerdesTest {
    private static final PairWindow WINDOW = PairWindow.empty()
            .add(new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, List.of("taiwan", "chips"), List.of("taiwan", "chips", "ukraine")), 10)
            .add(new Contribution("a-2", null, "CN-US", 0.5, 0.0, 0.4, List.of(), List.of("ukraine")), 10)
            .add(new Contribution("a-3", "Daily Ünïcode", "CN-US", 2.0, 0.5, 0.9, List.of("taiwan"), List.of("taiwan")), 10);

    @Test
    void aWindowAggregateSurvivesTheRoundTrip() {
        CompactSerde<PairWindow> serde = CompactSerdes.pairWindow();

        PairWindow read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", WINDOW));

        assertThat(read).isEqualTo(WINDOW);
        assertThat(read.themes()).containsOnlyKeys("taiwan", "chips", "ukraine");
        assertThat(read.themes().get("ukraine")).isEqualTo(new PairWindow.ThemeTally(0, 0, 2));
        assertThat(read.topArticles()).extracting(PairWindow.TopArticle::id).containsExactly("a-1", "a-3", "a-2");
    }

    @Test
    void aContributionSurvivesTheRoundTripWithOrWithoutASource() {
        CompactSerde<Contribution> serde = CompactSerdes.contribution();
        Contribution withSource = new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, List.of("taiwan"), List.of("taiwan", "chips"));
        Contribution withoutSource = new Contribution("a-2", null, "RU-UA", 0, 0.25, 0.1, List.of(), List.of());

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", withSource))).isEqualTo(withSource);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", withoutSource))).isEqualTo(withoutSource);
    }

    @Test
    void aNearCopyIndexEntrySurvivesTheRoundTripAndIsSmallerThanItsJson() {
        CompactSerde<NearDuplicateIndex.Entry> serde = CompactSerdes.nearDuplicateEntry();
        NearDuplicateIndex.Entry entry = new NearDuplicateIndex.Entry("article-42", 0xDEADBEEFCAFEL, 1_790_000_000_000L);

        byte[] bytes = serde.serializer().serialize("t", entry);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(entry);
        assertThat(bytes.length).isLessThan(new JsonSerde<>(NearDuplicateIndex.Entry.class).serializer().serialize("t", entry).length);
    }

    @Test
    void stringsOutsideAsciiSurviveIncludingTheOnesJavasModifiedUtf8WritesDifferently() {
        CompactSerde<Contribution> serde = CompactSerdes.contribution();
        for (String source : List.of("Agência Brasil", "新华社", "한국일보 \uD55C", "emoji \uD83D\uDCF0 news", "nul \u0000 byte", "")) {
            Contribution contribution = new Contribution("id-" + source, source, "BR-CN", 1, 0, 0.5, List.of("chips"), List.of("chips"));

            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", contribution))).as(source).isEqualTo(contribution);
        }
    }

    @Test
    void valuesWrittenAsJsonByEarlierVersionsAreStillRead() {
        byte[] json = new JsonSerde<>(PairWindow.class).serializer().serialize("t", WINDOW);

        assertThat(CompactSerdes.pairWindow().deserializer().deserialize("t", json)).isEqualTo(WINDOW);
    }

    @Test
    void valuesWrittenBeforeMentionsWereCountedStillReadWithNone() {
        Contribution contribution = new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, List.of("taiwan"), List.of());
        byte[] current = CompactSerdes.contribution().serializer().serialize("t", contribution);
        // The first release ended before the mention list (an int count, here 0).
        byte[] firstRelease = Arrays.copyOf(current, current.length - Integer.BYTES);

        assertThat(CompactSerdes.contribution().deserializer().deserialize("t", firstRelease)).isEqualTo(contribution);

        PairWindow window = PairWindow.empty().add(contribution, 10);
        byte[] windowBytes = CompactSerdes.pairWindow().serializer().serialize("t", window);
        byte[] windowFirstRelease = Arrays.copyOf(windowBytes, windowBytes.length - Integer.BYTES * window.themes().size());

        assertThat(CompactSerdes.pairWindow().deserializer().deserialize("t", windowFirstRelease)).isEqualTo(window);
    }

    @Test
    void anUnknownFormatIsASerializationErrorThatNamesTheType() {
        assertThatThrownBy(() -> CompactSerdes.pairWindow().deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PairWindow").hasMessageContaining("version 9");
        assertThatThrownBy(() -> CompactSerdes.contribution().deserializer().deserialize("t", new byte[] {1, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Contribution");
    }

    @Test
    void nullStaysNull() {
        assertThat(CompactSerdes.pairWindow().serializer().serialize("t", null)).isNull();
        assertThat(CompactSerdes.pairWindow().deserializer().deserialize("t", null)).isNull();
    }
}
