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
            .add(new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, 0.8, List.of("taiwan", "chips"), List.of("taiwan", "chips", "ukraine")), 10)
            .add(new Contribution("a-2", null, "CN-US", 0.5, 0.0, 0.4, 0.8, List.of(), List.of("ukraine")), 10)
            .add(new Contribution("a-3", "Daily Ünïcode", "CN-US", 2.0, 0.5, 0.9, 0.8, List.of("taiwan"), List.of("taiwan")), 10);

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
        Contribution withSource = new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, 0.8, List.of("taiwan"), List.of("taiwan", "chips"));
        Contribution withoutSource = new Contribution("a-2", null, "RU-UA", 0, 0.25, 0.1, 0.8, List.of(), List.of());

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
            Contribution contribution = new Contribution("id-" + source, source, "BR-CN", 1, 0, 0.5, 0.6, List.of("chips"), List.of("chips"));

            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", contribution))).as(source).isEqualTo(contribution);
        }
    }

    @Test
    void valuesWrittenAsJsonByEarlierVersionsAreStillRead() {
        byte[] json = new JsonSerde<>(PairWindow.class).serializer().serialize("t", WINDOW);

        assertThat(CompactSerdes.pairWindow().deserializer().deserialize("t", json)).isEqualTo(WINDOW);
    }

    @Test
    void contributionsWrittenByEarlierReleasesStillRead() {
        Contribution contribution = new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, 0.8, List.of("taiwan"), List.of());
        byte[] current = CompactSerdes.contribution().serializer().serialize("t", contribution);
        // The second release ended before the centrality (a double); the first also before the mentions (an int count, here 0).
        byte[] secondRelease = Arrays.copyOf(current, current.length - Double.BYTES);
        byte[] firstRelease = Arrays.copyOf(secondRelease, secondRelease.length - Integer.BYTES);
        Contribution withTensionForCentrality = new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, 0.7, List.of("taiwan"), List.of());

        assertThat(CompactSerdes.contribution().deserializer().deserialize("t", current)).isEqualTo(contribution);
        assertThat(CompactSerdes.contribution().deserializer().deserialize("t", secondRelease)).isEqualTo(withTensionForCentrality);
        assertThat(CompactSerdes.contribution().deserializer().deserialize("t", firstRelease)).isEqualTo(withTensionForCentrality);
    }

    @Test
    void windowsWrittenByEarlierReleasesStillReadAsNeutral() {
        PairWindow window = PairWindow.empty().add(new Contribution("a-1", "Wire", "CN-US", 3.5, 1.0, 0.7, 0.8, List.of("taiwan"),
                List.of("taiwan")), 10);
        byte[] current = CompactSerdes.pairWindow().serializer().serialize("t", window);
        // The second release ended before the weight and weighted stance; the first also before the mention counts.
        byte[] secondRelease = Arrays.copyOf(current, current.length - 2 * Double.BYTES);
        byte[] firstRelease = Arrays.copyOf(secondRelease, secondRelease.length - Integer.BYTES * window.themes().size());

        PairWindow second = CompactSerdes.pairWindow().deserializer().deserialize("t", secondRelease);
        PairWindow first = CompactSerdes.pairWindow().deserializer().deserialize("t", firstRelease);

        assertThat(CompactSerdes.pairWindow().deserializer().deserialize("t", current)).isEqualTo(window);
        assertThat(second).isEqualTo(new PairWindow(1, window.sources(), 3.5, 1.0, 0, 0, window.themes(), window.topArticles()));
        assertThat(second.intensity()).isZero();
        assertThat(first.themes().get("taiwan")).isEqualTo(new PairWindow.ThemeTally(1, 3.5, 0));
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
