package io.tensionstreams.tagging;

import static io.tensionstreams.tagging.Texts.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** What the pair model reads about a candidate: here, the features that say who acts on whom. */
class PairFeaturesTest {
    private static final Tagger TAGGER = Tagger.bundled();

    private static final ArticleText SANCTIONS = article("Washington sanctions Moscow over the war",
            "The United States imposed new sanctions on Russia on Monday over its war against Ukraine. The Treasury said "
                    + "Russian forces had shelled Ukrainian cities again this week, and that the sanctions would stay until "
                    + "the invasion ends.");

    private static Map<String, double[]> featuresOf(ArticleText text) {
        return TAGGER.pairCandidates(text).stream()
                .collect(Collectors.toMap(PairFinder.Candidate::pair, PairFinder.Candidate::features));
    }

    private static double feature(Map<String, double[]> features, String pair, String name) {
        return features.get(pair)[PairFeatures.NAMES.indexOf(name)];
    }

    @Test
    void countriesNamedSideBySideWithACueBetweenAreAnEventsSourceAndTarget() {
        Map<String, double[]> features = featuresOf(SANCTIONS);

        // "The United States imposed new sanctions on Russia": side by side, a cue between.
        assertThat(feature(features, "RU-US", "adjacent")).isPositive();
        assertThat(feature(features, "RU-US", "adjacent_cue")).isPositive();
        // Ukraine is named after Russia, with Russia between it and the United States.
        assertThat(feature(features, "RU-UA", "adjacent")).isPositive();
        assertThat(feature(features, "UA-US", "adjacent")).isZero();
        assertThat(feature(features, "UA-US", "adjacent_cue")).isZero();
    }

    @Test
    void thePairOfASubstantiveThemesTwoSidesIsMarked() {
        Map<String, double[]> features = featuresOf(SANCTIONS);
        Map<String, double[]> noWar = featuresOf(article("Washington sanctions Moscow over hacking",
                "The United States imposed new sanctions on Russia on Monday over a hacking campaign against American "
                        + "hospitals. The Treasury said Russian intelligence officers ran the attacks and that Ukraine had "
                        + "warned of them."));

        assertThat(feature(features, "RU-UA", "theme_sides")).isEqualTo(1);
        assertThat(feature(features, "RU-US", "theme_sides")).isZero();
        assertThat(noWar.keySet()).allSatisfy(pair -> assertThat(feature(noWar, pair, "theme_sides")).isZero());
    }

    @Test
    void everyCandidateHasOneValuePerFeatureName() {
        assertThat(TAGGER.pairCandidates(SANCTIONS)).extracting(candidate -> candidate.features().length)
                .containsOnly(PairFeatures.NAMES.size());
        assertThat(TAGGER.pairCandidates(SANCTIONS)).extracting(PairFinder.Candidate::pair).contains("RU-US", "RU-UA");
    }

    @Test
    void aSentenceNamingManyCountriesTiesEachOfTheirPairsOnce() {
        ArticleText summit = article("Twelve governments condemn the attack",
                "The United States, Britain, France, Germany, Japan, Canada, Italy, Australia, Poland, Ukraine, Norway and "
                        + "Spain condemned the missile attack and warned of sanctions. On Tuesday the United States, Britain, "
                        + "France, Germany, Japan, Canada, Italy, Australia, Poland, Ukraine, Norway and Spain imposed them.");
        List<String> countries = TAGGER.tag(summit).countries();
        List<String> allPairs = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            for (int j = i + 1; j < countries.size(); j++) {
                allPairs.add(PairMatch.key(countries.get(i), countries.get(j)));
            }
        }

        assertThat(countries).hasSize(12);
        // 66 pairs, each tied twice: more than a small table holds, so the pair finder's table grows on the way.
        assertThat(TAGGER.pairCandidates(summit)).extracting(PairFinder.Candidate::pair)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allPairs);
    }
}
