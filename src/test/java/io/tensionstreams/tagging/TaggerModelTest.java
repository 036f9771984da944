package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerModelTest {

    @Test
    void logisticFitSeparatesWhatTheFeaturesSeparateAndIgnoresANoiseFeature() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double signal = i % 20;
            rows.add(new double[] {signal, (i * 7919) % 13});
            labels.add(signal >= 10);
        }

        Logistic model = Logistic.fit(List.of("signal", "noise"), rows, labels, 0.01);

        assertThat(model.probability(new double[] {18, 5})).isGreaterThan(0.9);
        assertThat(model.probability(new double[] {1, 5})).isLessThan(0.1);
        assertThat(Math.abs(model.weights()[1])).isLessThan(Math.abs(model.weights()[0]) / 5);
        assertThat(Logistic.fit(List.of("signal", "noise"), rows, labels, 0.01).weights()).as("deterministic")
                .containsExactly(model.weights());
    }

    @Test
    void aTrainedModelWritesReadsBackAndTagsAlike(@TempDir Path dir) {
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        List<LabelledArticle> labelled = List.of(
                new LabelledArticle(Texts.UKRAINE_STRIKES, Set.of("ukraine"), Set.of("ukraine"), Set.of("RU-UA"), Direction.ESCALATION),
                new LabelledArticle(Texts.TAIWAN_DRILLS, Set.of("taiwan"), Set.of("taiwan"), Set.of("CN-TW"), Direction.ESCALATION),
                new LabelledArticle(Texts.SECRETARY_IN_BEIJING, Set.of(), Set.of(), Set.of("CN-US"), Direction.DEESCALATION));

        TaggerModel model = TaggerTrainer.fit(taxonomy, labelled);
        model.write(dir.resolve(TaggerModel.FILE));
        TaggerModel read = TaggerModel.fromDirectory(dir);

        assertThat(read.trainedOn()).isEqualTo("3 labelled articles");
        assertThat(read.pairs().weights()).containsExactly(model.pairs().weights());
        assertThat(new Tagger(taxonomy, read).tag(Texts.UKRAINE_STRIKES)).isEqualTo(new Tagger(taxonomy, model).tag(Texts.UKRAINE_STRIKES));
    }

    @Test
    void aModelOfAnotherVersionOrOtherFeaturesIsRefusedWithAReason(@TempDir Path dir) throws IOException {
        String bundled = new String(TaggerModel.class.getResourceAsStream("/topology/model.json").readAllBytes());
        Files.writeString(dir.resolve(TaggerModel.FILE), bundled.replaceFirst("\"version\" : " + TaggerModel.VERSION, "\"version\" : 99"));
        assertThatThrownBy(() -> TaggerModel.fromDirectory(dir)).hasMessageContaining("model version 99");

        Files.writeString(dir.resolve(TaggerModel.FILE), bundled.replaceFirst("\"ties\"", "\"tie_count\""));
        assertThatThrownBy(() -> TaggerModel.fromDirectory(dir)).hasMessageContaining("tension train");
    }

    @Test
    void anUntrainedModelFindsNoThemeNoPairAndNoDirectionButStillEveryMention() {
        ArticleTags tags = new Tagger(TaxonomyLoader.bundled(), TaggerModel.untrained()).tag(Texts.UKRAINE_STRIKES);

        assertThat(tags.themes()).isEmpty();
        assertThat(tags.pairs()).isEmpty();
        assertThat(tags.direction()).isEqualTo(Direction.NONE);
        assertThat(tags.mentions()).as("mentions are the rules' alone").extracting(ThemeMatch::theme).contains("ukraine");
    }

    @Test
    void aDirectoryWithoutAModelUsesTheBundledOne(@TempDir Path dir) {
        assertThat(TaggerModel.fromDirectory(dir)).usingRecursiveComparison().isEqualTo(TaggerModel.bundled());
    }
}
