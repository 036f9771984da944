package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaxonomyLoaderTest {

    @Test
    void theBundledTaxonomyHoldsTheFiveJudgedThemes() {
        Taxonomy taxonomy = TaxonomyLoader.bundled();

        assertThat(taxonomy.themeIds()).contains("taiwan", "south_china_sea", "ukraine", "cuba_espionage", "chips");
        assertThat(taxonomy.countries()).extracting(CountryDefinition::code).contains("US", "CN", "TW", "RU", "UA", "PH", "VN", "CU");
    }

    @Test
    void aDirectoryOverridesTheBundledFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("themes.yaml"), """
                themes:
                  - id: arctic
                    label: The Arctic
                    minWeight: 3
                    minSentences: 1
                    terms:
                      - weight: 2
                        phrases: [northern sea route, arctic council]
                """);

        Tagger tagger = Tagger.fromDirectory(dir);
        ArticleTags tags = tagger.tag(Texts.article("Ships crowd the Northern Sea Route", "Traffic doubled this summer."));

        assertThat(tagger.taxonomy().themeIds()).containsExactly("arctic");
        assertThat(tags.themes()).as("own themes and no model: the themes' own rules decide").extracting(ThemeMatch::theme)
                .containsExactly("arctic");
        ArticleTags thin = tagger.tag(Texts.article("Shipping news", "The Arctic Council met. Nothing else happened."));
        assertThat(thin.themes()).as("below the theme's minWeight").isEmpty();
        assertThat(thin.mentions()).extracting(ThemeMatch::theme).containsExactly("arctic");
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("themes.yaml"), "themes:\n  - id: x\n    label: [unclosed\n");

        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("themes.yaml line ");
    }

    /** A one-theme themes.yaml: the theme's own extra lines, and its one term's. */
    private static String arcticTheme(String themeLines, String termLines) {
        return """
                themes:
                  - id: arctic
                    label: The Arctic
                    minWeight: 2
                """ + themeLines.indent(4) + """
                    terms:
                      - weight: 2
                        phrases: [icebreaker]
                """ + termLines.indent(8);
    }

    static List<Arguments> faultyThemes() {
        return List.of(
                Arguments.of("a term needing a missing group", arcticTheme("", "needs: [shipping]"), "group \"shipping\""),
                Arguments.of("a second condition on a missing group", arcticTheme("groups:\n  ice: [ice, sea ice]", "needs: [ice]\nalsoNeeds: [shipping]"),
                        "group \"shipping\""),
                Arguments.of("sides that are one country twice", arcticTheme("sides: [RU, RU]", ""), "sides must be two different countries"),
                Arguments.of("a start that is no date", arcticTheme("since: last winter", ""),
                        "since must be a date such as 2014-02-20, not \"last winter\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyThemes")
    void aFaultyThemeIsNamedWithItsFileAndLine(String what, String themesYaml, String fault, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("themes.yaml"), themesYaml);

        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir))
                .hasMessageContaining("themes.yaml line ")
                .hasMessageContaining(fault);
    }

    @Test
    void aBadCountryCodeAndAnUnknownKeyAreNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.yaml"), "countries:\n  - code: USA\n    names: [america]\n");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir)).hasMessageContaining("actors.yaml line 2").hasMessageContaining("\"USA\"");

        Files.writeString(dir.resolve("actors.yaml"), "countries:\n  - code: US\n    names: [america]\npartners:\n  - [US, UKR]\n");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir)).hasMessageContaining("actors.yaml line ").hasMessageContaining("\"UKR\"");

        Files.writeString(dir.resolve("actors.yaml"), "countries:\n  - code: US\n    nmaes: [america]\n");
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(dir)).hasMessageContaining("actors.yaml line 3").hasMessageContaining("nmaes");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> TaxonomyLoader.fromDirectory(Path.of("/no/such/taxonomy"))).hasMessageContaining("/no/such/taxonomy");
    }

    private static String faultOf(Path dir, String file, String yaml) throws IOException {
        Path path = Files.writeString(dir.resolve(file), yaml);
        try {
            TaxonomyLoader.fromDirectory(dir);
        } catch (TaxonomyException e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n").startsWith(path.toString());
            return e.getMessage().substring(path.toString().length());
        }
        throw new AssertionError("no fault found in " + yaml);
    }

    @Test
    void everyMistakeIsOneLineNamingFileLineAndFault(@TempDir Path dir) throws IOException {
        String theme = """
                  - id: %s
                    label: A theme
                    minWeight: 2
                    terms:
                      - weight: 2
                        phrases: [%s]
                """;
        assertThat(faultOf(dir, "themes.yaml", "themes:\n" + theme.formatted("arctic", "ice") + theme.formatted("arctic", "snow")))
                .isEqualTo(" line 8: theme \"arctic\" is defined again (first at line 2)");
        assertThat(faultOf(dir, "themes.yaml", "themes: [~]\n")).startsWith(" line 1: ").contains("entry 1 of themes is empty");
        assertThat(faultOf(dir, "themes.yaml", "themes: []\n")).startsWith(" line 1: ").contains("no themes");
        assertThat(faultOf(dir, "themes.yaml", "themes:\n" + theme.formatted("arctic", "ice, ~"))).startsWith(" line 6: ")
                .contains("entry 2 of phrases is empty");
        assertThat(faultOf(dir, "themes.yaml", "themes:\n" + theme.formatted("arctic", "ice, \"...\""))).startsWith(" line 6: ")
                .contains("\"...\"").contains("nothing to match");
        assertThat(faultOf(dir, "themes.yaml", "themes:\n" + theme.formatted("arctic", "ice").replace("    minWeight: 2\n",
                "    minWeight: 2\n    minWeight: 3\n"))).startsWith(" line 5: ").contains("minWeight");
        Files.delete(dir.resolve("themes.yaml"));
        assertThat(faultOf(dir, "actors.yaml", """
                countries:
                  - code: US
                    names: [united states]
                  - code: US
                    names: [america]
                """)).isEqualTo(" line 4: country \"US\" is defined again (first at line 2)");
    }
}
