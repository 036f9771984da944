package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountryCodesTest {
    private static final Taxonomy BUNDLED = TaxonomyLoader.bundled();
    private static final CountryCodes CODES = new CountryCodes(BUNDLED);

    @Test
    void numbersRunInTheOrderOfTheCodes() {
        List<String> codes = BUNDLED.countries().stream().map(CountryDefinition::code).sorted().toList();

        for (int i = 1; i < codes.size(); i++) {
            assertThat(CODES.number(codes.get(i - 1))).as("%s before %s", codes.get(i - 1), codes.get(i)).isLessThan(CODES.number(codes.get(i)));
        }
        for (int country = 0; country < BUNDLED.countries().size(); country++) {
            assertThat(CODES.code(CODES.ofCountry(country))).isEqualTo(BUNDLED.countries().get(country).code());
        }
    }

    @Test
    void aPairHasOneKeyWhicheverWayItIsTakenAndIsNamedAsPairMatchNamesIt() {
        int china = CODES.number("CN");
        int us = CODES.number("US");

        assertThat(CODES.pair(us, china)).isEqualTo(CODES.pair(china, us));
        assertThat(CODES.name(CODES.pair(us, china))).isEqualTo("CN-US").isEqualTo(PairMatch.key("US", "CN"));
        assertThat(CODES.first(CODES.pair(us, china))).isEqualTo(china);
        assertThat(CODES.second(CODES.pair(us, china))).isEqualTo(us);
        assertThat(CODES.pair(CODES.number("PH"), china)).isNotEqualTo(CODES.pair(us, china));
    }

    @Test
    void themesSidesAndBlocsAreReadAsNumbers() {
        int taiwan = BUNDLED.themeIds().indexOf("taiwan");

        assertThat(CODES.impliedBy(taiwan).stream().mapToObj(CODES::code)).containsExactly("CN", "TW");
        assertThat(CODES.name(CODES.sidesOf(taiwan))).isEqualTo("CN-TW");
        assertThat(CODES.blocs()).anySatisfy(bloc -> assertThat(bloc.get(CODES.number("US")) && bloc.get(CODES.number("JP"))).isTrue());
    }

    @Test
    void aCodeThatOnlyAThemeNamesStillHasANumber() {
        Taxonomy withoutTaiwan = new Taxonomy(BUNDLED.themes(),
                BUNDLED.countries().stream().filter(country -> !country.code().equals("TW")).toList(),
                BUNDLED.blockers(), BUNDLED.collective(), BUNDLED.partners(), BUNDLED.cues());
        CountryCodes codes = new CountryCodes(withoutTaiwan);

        assertThat(codes.code(codes.number("TW"))).isEqualTo("TW");
        assertThat(codes.impliedBy(withoutTaiwan.themeIds().indexOf("taiwan")).get(codes.number("TW"))).isTrue();
        // The tagger still pairs the country a theme implies, as it did when pairs were keyed by code.
        assertThat(new Tagger(withoutTaiwan, TaggerModel.bundled()).tag(Texts.TAIWAN_DRILLS).pairs())
                .extracting(PairMatch::pair).contains("CN-TW");
    }

    @Test
    void aCodeTheTaxonomyNeverUsesHasNoNumber() {
        assertThatThrownBy(() -> CODES.number("XX")).hasMessageContaining("XX");
    }
}
