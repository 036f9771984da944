package io.tensionstreams.tagging;

import static io.tensionstreams.tagging.Texts.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaggerThemesTest {
    private static final Tagger TAGGER = Tagger.bundled();

    private static List<String> themesOf(ArticleText article) {
        return TAGGER.tag(article).themes().stream().map(ThemeMatch::theme).toList();
    }

    static List<Arguments> themeArticles() {
        return List.of(
                Arguments.of(Texts.TAIWAN_DRILLS, "taiwan"),
                Arguments.of(Texts.SCS_WATER_CANNON, "south_china_sea"),
                Arguments.of(Texts.UKRAINE_STRIKES, "ukraine"),
                Arguments.of(Texts.SPY_BALLOON, "cuba_espionage"),
                Arguments.of(Texts.CUBA_BASE, "cuba_espionage"),
                Arguments.of(Texts.CHIP_CONTROLS, "chips"));
    }

    @ParameterizedTest
    @MethodSource("themeArticles")
    void eachThemeIsFoundWithEvidence(ArticleText article, String theme) {
        ArticleTags tags = TAGGER.tag(article);

        assertThat(tags.themes()).extracting(ThemeMatch::theme).containsExactly(theme);
        ThemeMatch match = tags.themes().get(0);
        assertThat(match.score()).isBetween(0.5, 1.0);
        assertThat(match.evidence()).isNotEmpty();
    }

    static List<Arguments> hardNegatives() {
        return List.of(
                Arguments.of("potato chips", article("Crisp makers bet on spicy flavours",
                        "Sales of potato chips rose ten percent this summer. The snack maker said its new chips, fried in "
                                + "olive oil, sold out in a week. Tortilla chips and other snacks also grew.")),
                Arguments.of("poker chips", article("Casino night raises money for the school",
                        "Parents traded poker chips at the casino tables until midnight. The chips were later exchanged "
                                + "for raffle tickets, and the evening raised four thousand dollars.")),
                Arguments.of("chip shortage at car dealers", article("Car dealers still short of models",
                        "A shortage of semiconductor chips has left car dealers with empty lots. Dealers said buyers wait "
                                + "months for new cars. Chip supply should improve next year, an industry group said.")),
                Arguments.of("Taiwanese food", article("Taiwanese night market opens downtown",
                        "A Taiwanese night market opened on Friday with bubble tea, oyster omelettes and beef noodles. "
                                + "The owners, who moved from Taipei, said Taiwan's cuisine deserves a wider audience. "
                                + "Tourists lined up for dumplings.")),
                Arguments.of("Cuban music", article("Havana jazz festival draws record crowds",
                        "Cuban musicians filled the theatres of Havana for the jazz festival. Visitors from Cuba and abroad "
                                + "danced to son and salsa. Cuba's festival is in its fortieth year.")),
                Arguments.of("weather balloons", article("Forecasters launch balloons twice a day",
                        "The weather office launches a weather balloon every morning and evening. Each balloon carries a "
                                + "radiosonde that measures temperature and humidity. The balloons rise to thirty kilometres "
                                + "before they burst, and the data feed the forecast models.")),
                Arguments.of("a spy film", article("New spy thriller tops the box office",
                        "The spy thriller about a Russian agent in Vienna topped the box office this weekend. The film "
                                + "follows a spy who steals secrets from an embassy. Critics praised the movie's score.")),
                Arguments.of("Ukrainian football", article("Ukrainian side wins the cup final",
                        "The Ukrainian club beat its rival two goals to one in the cup final on Saturday. Fans in Kyiv "
                                + "celebrated in the streets. The coach said the football team had earned the trophy.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardNegatives")
    void hardNegativesHaveNoTheme(String what, ArticleText article) {
        assertThat(themesOf(article)).isEmpty();
    }

    @Test
    void strongWordsForTheTechnologyAloneAreNoChipContest() {
        ArticleText plant = article("Governor tours new plant making advanced chips",
                "The governor toured a factory on Tuesday where a chipmaker will make advanced chips for phones and cars. "
                        + "The company said the plant would employ two thousand people and ship its first AI chips next year.");
        ArticleText controls = article("Washington widens curbs on advanced chips to China",
                "The Commerce Department on Tuesday barred the sale of advanced chips and chipmaking equipment to China, "
                        + "citing the risk that Beijing could use AI chips in its weapons programs.");

        assertThat(TAGGER.tag(plant).mentions()).extracting(ThemeMatch::theme).doesNotContain("chips");
        assertThat(TAGGER.tag(controls).mentions()).extracting(ThemeMatch::theme).contains("chips");
    }

    @Test
    void theReadoutFormulaForTheStraitIsAMentionOnTheAgenda() {
        ArticleText readout = article("Defense chiefs hold talks in Beijing",
                "The two defense chiefs met in Beijing on Monday for talks on maritime safety and North Korea. "
                        + "The American side underscored the importance of maintaining peace and stability across the Taiwan Strait. "
                        + "Both sides agreed to keep military channels open. China repeated its objection to arms sales to Taiwan.");

        assertThat(TAGGER.tag(readout).mentions()).extracting(ThemeMatch::theme).contains("taiwan");
        assertThat(themesOf(readout)).doesNotContain("taiwan");
    }

    @Test
    void theReadoutFormulaForExportControlsIsAChipsMentionOnTheAgenda() {
        ArticleText readout = article("National security adviser meets Chinese counterpart",
                "The two advisers met in Vienna on Thursday and discussed counternarcotics and climate cooperation. "
                        + "Both sides agreed to plan a call between the presidents. The adviser said the United States would "
                        + "continue to take necessary actions to prevent advanced U.S. technologies from being used to undermine "
                        + "our national security, without unduly limiting trade.");

        assertThat(TAGGER.tag(readout).mentions()).extracting(ThemeMatch::theme).contains("chips");
        assertThat(themesOf(readout)).doesNotContain("chips");
    }

    @Test
    void tradeSecretsAreEspionageWhenStolenForAStateNotWhenAStateProtectsThem() {
        ArticleText dialogue = article("Commerce ministers open a trade channel",
                "The commerce ministers of the United States and China met in Beijing on Monday. They agreed to hold "
                        + "technical talks on strengthening the protection of trade secrets and confidential business information "
                        + "in licensing. China's minister welcomed the new working group.");
        ArticleText theft = article("Engineer charged over secrets for China",
                "A former engineer at a memory maker was charged on Monday with conspiring to steal trade secrets for a "
                        + "Chinese state-owned company. Prosecutors said he took the designs to Beijing.");

        assertThat(TAGGER.tag(dialogue).mentions()).extracting(ThemeMatch::theme).doesNotContain("cuba_espionage");
        assertThat(TAGGER.tag(theft).mentions()).extracting(ThemeMatch::theme).contains("cuba_espionage");
    }

    @Test
    void aPlaceThatLabelsAnOfficeOrACompanyIsNoEvidence() {
        ArticleText theft = article("Chip firm pleads guilty to stealing memory designs",
                "A Taiwanese chip giant pleaded guilty on Tuesday to stealing memory-chip designs from an American company "
                        + "for a Chinese state-owned rival. The deputy assistant secretary for China, Taiwan and Mongolia was not involved. "
                        + "Prosecutors said the stolen trade secrets were worth billions and were meant for Beijing's chip industry.");

        assertThat(TAGGER.tag(theft).mentions()).extracting(ThemeMatch::theme).doesNotContain("taiwan");
    }

    @Test
    void aThemeIsNoMentionInAnArticlePublishedBeforeItBegan() {
        String title = "Russian forces push deeper into the breakaway region";
        String body = "Russian forces advanced on the regional capital on Tuesday despite the ceasefire, and Russian troops "
                + "shelled villages near the border. The government said the attack was an invasion of its territory.";
        ArticleText before = new ArticleText("georgia-2008", title, body, LocalDate.of(2008, 8, 12));
        ArticleText after = new ArticleText("donbas-2022", title, body, LocalDate.of(2022, 3, 1));

        assertThat(TAGGER.tag(before).mentions()).extracting(ThemeMatch::theme).doesNotContain("ukraine");
        assertThat(TAGGER.tag(after).mentions()).extracting(ThemeMatch::theme).contains("ukraine");
    }

    @Test
    void aCancellingWordInTheTitleFramesTheWholeArticle() {
        ArticleText museum = article("Spy museum opens a new wing",
                "Visitors lined up on Saturday to see the new rooms. "
                        + "One case holds a camera that Soviet intelligence officers used to photograph documents. "
                        + "Another shows how Chinese spies hid messages in hollow coins during the Cold War. "
                        + "Curators said the espionage gear was donated by retired officers.");
        ArticleText quake = article("Strong earthquake shakes Taiwan",
                "Buildings swayed in Taipei as the island's military sent troops to help rescue crews. "
                        + "Beijing offered condolences and said Chinese teams were ready to help Taiwan.");

        assertThat(TAGGER.tag(museum).mentions()).extracting(ThemeMatch::theme).doesNotContain("cuba_espionage");
        assertThat(TAGGER.tag(quake).mentions()).extracting(ThemeMatch::theme).doesNotContain("taiwan");
    }

    @Test
    void aClaimantListedInTheSouthChinaSeaIsNoTaiwanMention() {
        ArticleText scs = article("Philippines protests Chinese ships at reef",
                "Manila protested the presence of Chinese coast guard ships near Second Thomas Shoal on Monday. "
                        + "Vietnam, Malaysia and Taiwan also have territorial claims in the South China Sea. "
                        + "Beijing said the shoal was Chinese territory and warned Manila against provocations.");

        assertThat(TAGGER.tag(scs).mentions()).extracting(ThemeMatch::theme).contains("south_china_sea").doesNotContain("taiwan");
    }

    @Test
    void conductAtSeaNamedWithoutClaimsIsASouthChinaSeaMention() {
        ArticleText call = article("Admirals hold first call in a year",
                "The two fleet commanders spoke by video link on Friday and agreed to keep talking. "
                        + "The American admiral pressed the PLA to stop its unsafe and coercive manoeuvres in the South China Sea. "
                        + "Both sides called the exchange frank.");
        ArticleText storm = article("Storm nears the coast",
                "A tropical storm moving across the South China Sea is expected to bring dangerous winds to the coast on Friday. "
                        + "Forecasters warned fishing boats to stay in port.");

        assertThat(TAGGER.tag(call).mentions()).extracting(ThemeMatch::theme).containsExactly("south_china_sea");
        assertThat(TAGGER.tag(storm).mentions()).isEmpty();
    }

    @Test
    void theLawOfTheSeaWordsOfAnotherSeaAreNoSouthChinaSea() {
        ArticleText launch = article("North Korea fires ballistic missile into sea off Japan",
                "North Korea fired a ballistic missile that landed in waters inside Japan's exclusive economic zone on Wednesday, "
                        + "Japan's defense ministry said. South Korea's military said the missile was launched from near Pyongyang "
                        + "and flew about 1,000 kilometers. Tokyo lodged a protest, and the United States condemned the launch.");
        ArticleText rig = article("Vietnam protests Chinese oil rig in its waters",
                "Vietnam demanded that China remove an oil rig it placed inside Vietnam's exclusive economic zone, and Chinese "
                        + "coast guard ships used water cannons against Vietnamese vessels near the rig. Hanoi said the deployment "
                        + "violated its sovereignty, while Beijing said the waters were Chinese.");

        assertThat(TAGGER.tag(launch).mentions()).extracting(ThemeMatch::theme).doesNotContain("south_china_sea");
        assertThat(themesOf(rig)).containsExactly("south_china_sea");
    }

    @Test
    void anAgendaSentenceAloneMakesNoTheme() {
        ArticleText readout = article("Ministers hold talks in Geneva",
                "The two ministers met in Geneva on Tuesday for candid talks. They discussed trade, the war in Ukraine, "
                        + "cross-Strait issues with China and the South China Sea, among other topics. They agreed to meet "
                        + "again in the autumn and to keep lines of communication open.");

        assertThat(themesOf(readout)).isEmpty();
    }

    @Test
    void aPassingMentionInOneSentenceMakesNoTheme() {
        ArticleText trade = article("Soybean exports climb",
                "Soybean exports from the Midwest rose by a fifth this year. Farmers said prices were steady. "
                        + "One trader said demand from China could slow if tensions in the Taiwan Strait rise. "
                        + "Harvests are expected to be large again next year.");

        assertThat(themesOf(trade)).isEmpty();
    }
}
