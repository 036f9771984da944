package io.tensionstreams.tagging;

import static io.tensionstreams.tagging.Texts.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TaggerPairsTest {
    private static final Tagger TAGGER = Tagger.bundled();

    private static List<String> pairsOf(ArticleText article) {
        return TAGGER.tag(article).pairs().stream().map(PairMatch::pair).toList();
    }

    @Test
    void pairsAreSortedCodesJoinedByADash() {
        assertThat(pairsOf(Texts.SCS_WATER_CANNON)).contains("CN-PH").doesNotContain("PH-CN");
        assertThat(pairsOf(Texts.UKRAINE_STRIKES)).containsExactly("RU-UA");
    }

    @Test
    void aThemeImpliesItsCountries() {
        // The title names only China; Taiwan comes from the Taiwan Strait and the drills around the island.
        ArticleText drills = article("China holds drills in the Taiwan Strait",
                "Chinese warships held live-fire drills in the Taiwan Strait on Monday. The exercises near the island "
                        + "were the largest this year, Beijing said, and a warning to separatists.");

        assertThat(pairsOf(drills)).contains("CN-TW");
    }

    @Test
    void aCountryOnlyAThemeImpliesPairsOnlyAsTheThemesOtherSide() {
        String notice = "The State Department has approved a possible Foreign Military Sale to the Taipei Economic and Cultural "
                + "Representative Office in the United States (TECRO) of surface-to-air missile systems for an estimated $1.2 "
                + "billion. The Defense Security Cooperation Agency delivered the required certification notifying Congress of "
                + "the possible sale today. The proposed sale serves U.S. national, economic, and security interests by "
                + "supporting the recipient's efforts to modernize its armed forces and maintain a credible defensive capability.";
        ArticleText unnamed = article("State Department approves possible missile sale to Taipei office", notice);
        ArticleText named = article("State Department approves possible missile sale to Taipei office",
                notice + " Beijing condemned the sale and warned Washington to stop arming Taiwan.");

        assertThat(pairsOf(unnamed)).as("China is never named: no word of it is evidence of a US-China pair").contains("TW-US")
                .doesNotContain("CN-US");
        assertThat(pairsOf(named)).contains("TW-US", "CN-US");
    }

    @Test
    void aDeescalationStoryDeescalates() {
        ArticleText talks = article("US and China agree to resume military talks",
                "The United States and China agreed on Wednesday to resume military-to-military communication, "
                        + "officials said after talks in Washington. Both sides welcomed the constructive meeting and said "
                        + "they would keep open lines of communication. Beijing and Washington plan another meeting soon.");

        ArticleTags tags = TAGGER.tag(talks);

        assertThat(tags.direction()).isEqualTo(Direction.DEESCALATION);
        assertThat(tags.pairs()).extracting(PairMatch::pair).containsExactly("CN-US");
        PairMatch pair = tags.pairs().get(0);
        assertThat(pair.deescalation()).isGreaterThan(pair.escalation());
    }

    @Test
    void anEscalationStoryEscalates() {
        assertThat(TAGGER.tag(Texts.SCS_WATER_CANNON).direction()).isEqualTo(Direction.ESCALATION);
    }

    @Test
    void negationCancelsACue() {
        ArticleText denial = article("Moscow says it has no plans to invade",
                "Russia said on Monday it did not attack Ukraine's power grid and has no plans to invade. "
                        + "Ukraine said Russian officials met its envoys for talks in Istanbul.");
        ArticleText claim = article("Moscow says it will invade",
                "Russia said on Monday it will attack Ukraine's power grid and plans an invasion. "
                        + "Ukraine said Russian officials met its envoys for talks in Istanbul.");

        assertThat(TAGGER.tag(denial).escalation()).isLessThan(TAGGER.tag(claim).escalation());
        assertThat(TAGGER.tag(denial).direction()).as("a denied attack raises nothing").isIn(Direction.DEESCALATION, Direction.NONE);
        assertThat(TAGGER.tag(claim).direction()).isIn(Direction.ESCALATION, Direction.MIXED);
    }

    @Test
    void anOfficialCountsOnlyDuringTheirTerm() {
        String title = "Blinken meets Wang Yi";
        String body = "Blinken and Wang Yi held talks on Friday and agreed to keep lines of communication open. "
                + "Blinken said the meeting was constructive, and Wang Yi welcomed the dialogue.";

        assertThat(pairsOf(article(title, body, LocalDate.of(2023, 6, 19)))).containsExactly("CN-US");
        assertThat(pairsOf(article(title, body, LocalDate.of(2016, 6, 19)))).doesNotContain("CN-US");
        assertThat(TAGGER.tag(article(title, body, LocalDate.of(2016, 6, 19))).countries()).containsExactly("CN");
    }

    @Test
    void ambiguousNamesNeedContext() {
        ArticleText georgiaState = article("Georgia votes on new election rules",
                "Lawmakers in Georgia passed the bill on Tuesday. Jordan, a county official, said turnout would rise. "
                        + "Families are buying a turkey for the holiday.");
        ArticleText georgiaCountry = article("Protests in Georgia over foreign agents law",
                "Thousands protested in Tbilisi against the law, which critics compare to Russia's. Georgia's president "
                        + "said the law would damage ties with the EU.");

        assertThat(TAGGER.tag(georgiaState).countries()).isEmpty();
        assertThat(TAGGER.tag(georgiaCountry).countries()).contains("GE");
    }

    @Test
    void chinaInsideTheSouthChinaSeaOrChinaDailyIsNotAMention() {
        ArticleText sea = article("Storm crosses the South China Sea",
                "The storm moved across the South China Sea toward Vietnam, China Daily reported.");

        assertThat(TAGGER.tag(sea).countries()).containsExactly("VN");
    }

    @Test
    void theObjectOfAStatementPairsWithItsAuthorAndWithTheCountryItConcerns() {
        ArticleText statement = article("State Department condemns coercion at Second Thomas Shoal",
                "The United States condemns the dangerous actions of the People's Republic of China against the Philippines. "
                        + "Chinese coast guard vessels fired water cannon at a Philippine resupply boat and rammed it. "
                        + "The United States stands with its ally and reaffirms its commitments under the Mutual Defense Treaty.");

        assertThat(pairsOf(statement)).contains("CN-PH", "CN-US", "PH-US");
    }

    @Test
    void eachPairCarriesItsOwnDirection() {
        ArticleText article = Texts.SECRETARY_IN_BEIJING;

        assertThat(TAGGER.tag(article).pairs()).isNotEmpty()
                .allSatisfy(pair -> assertThat(pair.direction()).isNotNull());
    }

    @Test
    void countriesMerelyNamedTogetherAreNotAPair() {
        ArticleText travel = article("Summer flights add routes",
                "Airlines added routes from Japan to Australia this summer. A travel agent in Tokyo said Canberra "
                        + "and Osaka were popular.");

        assertThat(pairsOf(travel)).isEmpty();
    }

    @Test
    void everyEvidenceSpanPointsAtItsTextInTitlePlusBody() {
        ArticleText article = Texts.SECRETARY_IN_BEIJING;
        String text = article.fullText();
        ArticleTags tags = TAGGER.tag(article);

        tags.themes().forEach(theme -> theme.evidence().forEach(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text())));
        tags.pairs().forEach(pair -> pair.evidence().forEach(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text())));
    }

    @Test
    void theSeedLikeArticleHasAllFiveThemesAndCnUsStrongest() {
        ArticleTags tags = TAGGER.tag(Texts.SECRETARY_IN_BEIJING);

        assertThat(tags.themes()).extracting(ThemeMatch::theme)
                .containsExactlyInAnyOrder("taiwan", "south_china_sea", "ukraine", "cuba_espionage", "chips");
        assertThat(tags.themes()).allSatisfy(theme -> assertThat(theme.evidence()).isNotEmpty());
        assertThat(tags.pairs()).isNotEmpty();
        assertThat(tags.pairs().get(0).pair()).isEqualTo("CN-US");
    }

    @Test
    void aCountryNamedOnlyAsTheVenueIsNoParty() {
        // Belarus, Singapore and Ethiopia are where things were agreed or held; none is a party.
        ArticleText ceasefire = article("Shelling tests the Minsk agreements",
                "Russian-backed forces shelled Ukrainian positions near Donetsk on Sunday, Ukraine said, in the worst "
                        + "violation of the Minsk agreements this year. The ceasefire was agreed in the Belarusian capital in "
                        + "February. The United States condemned Russia's attacks and urged Moscow to honour the deal it signed in Minsk.");
        ArticleText summit = article("Leaders trade threats after a summit in Singapore",
                "North Korea fired two ballistic missiles on Friday, a week after a summit in Singapore where the United "
                        + "States had pressed Pyongyang to give up its nuclear weapons. Washington condemned the launches.");
        ArticleText border = article("Sudan bombs oil field claimed by South Sudan",
                "Sudanese warplanes bombed an oil field claimed by South Sudan on Monday, South Sudan's army said, "
                        + "days after its troops seized the town from Sudan. Talks between the two countries in Ethiopia collapsed "
                        + "last week, and the African Union warned that the fighting could become a war.");

        assertThat(pairsOf(ceasefire)).contains("RU-UA", "RU-US").noneMatch(pair -> pair.contains("BY"));
        assertThat(pairsOf(summit)).contains("KP-US").noneMatch(pair -> pair.contains("SG"));
        assertThat(pairsOf(border)).contains("SD-SS").noneMatch(pair -> pair.contains("ET"));
    }

    @Test
    void aCityWhereAPartyActsStaysItsCountry() {
        ArticleText port = article("Russian spy ship docks in Havana",
                "Cuba allowed a Russian intelligence ship to dock in Havana this week, the second such visit this year. "
                        + "U.S. officials said the ship could collect signals from American bases. Beijing condemned the sanctions on Moscow.");

        assertThat(pairsOf(port)).contains("CU-RU");
    }

    @Test
    void anActionThatEndsACueTurnsItAround() {
        ArticleText suspended = article("Beijing suspends military talks with Washington",
                "China suspended military talks and called off planned military exchanges with the United States on Friday, "
                        + "after Washington approved a new arms package. Scheduled visits by defense officials were cancelled.");
        ArticleText resumed = article("Beijing resumes military talks with Washington",
                "China resumed military talks and planned military exchanges with the United States on Friday, "
                        + "after months without contact. Scheduled visits by defense officials will go ahead.");

        assertThat(TAGGER.tag(suspended).escalation()).isGreaterThan(TAGGER.tag(suspended).deescalation());
        assertThat(TAGGER.tag(resumed).deescalation()).isGreaterThan(TAGGER.tag(resumed).escalation());
        assertThat(TAGGER.tag(suspended).direction()).isIn(Direction.ESCALATION, Direction.MIXED);
    }

    @Test
    void haltingAnEscalationEasesItButDemandingAHaltDoesNot() {
        ArticleText halted = article("Russia halts strikes on Ukrainian ports",
                "Russia halted its missile strikes on Ukrainian ports on Monday and lifted the blockade of grain ships, "
                        + "Ukraine said, as the two sides prepared for another round of talks.");
        ArticleText demanded = article("Kyiv to Moscow: halt the strikes on our ports",
                "Ukraine urged Russia on Monday to halt its missile strikes on Ukrainian ports and called for an end to the "
                        + "blockade of grain ships, as the two sides prepared for another round of talks.");

        assertThat(TAGGER.tag(halted).deescalation()).isGreaterThan(TAGGER.tag(halted).escalation());
        assertThat(TAGGER.tag(demanded).escalation()).isGreaterThan(TAGGER.tag(demanded).deescalation());
    }

    @Test
    void jointAuthorsSpeakingAsOnePairWithEachOtherAndWithWhatTheyAddress() {
        ArticleText statement = article("Trilateral Ministerial Meeting Joint Statement",
                "The Foreign Minister of Canada, the Foreign Minister of Japan and the Secretary of State of the United States "
                        + "met in Jakarta, Indonesia on May 3 for their annual trilateral meeting. "
                        + "The ministers reaffirmed their commitment to deepen cooperation on maritime security and disaster relief. "
                        + "The ministers expressed grave concern at North Korea's ballistic missile launches and condemned its "
                        + "nuclear tests. We call on the regime to abandon its weapons programs and return to talks.");

        // The later sentences never name the authors: "the ministers" and "we" are Canada, Japan and the United States,
        // and North Korea, the object of their concern and condemnation, pairs with each of them.
        assertThat(TAGGER.pairCandidates(statement)).filteredOn(candidate -> candidate.tally().voiced > 0)
                .extracting(PairFinder.Candidate::pair).contains("CA-KP", "JP-KP", "KP-US");
        assertThat(pairsOf(statement)).contains("CA-JP", "CA-US", "JP-US", "CA-KP", "JP-KP", "KP-US").noneMatch(pair -> pair.contains("ID"));
        // "met in Jakarta, Indonesia": the country after the city only says where the city is.
        assertThat(TAGGER.tag(statement).countries()).doesNotContain("ID");
    }

    @Test
    void aReadoutGoesOnSpeakingAsOneWithThey() {
        ArticleText readout = article("Joint Readout of the Australia-Japan-Philippines Defense Ministers' Meeting",
                "The defense ministers of Australia, Japan and the Philippines met in Canberra on Tuesday. The ministers "
                        + "reaffirmed their shared vision of a free and open region. They condemned the repeated harassment by "
                        + "Chinese coast guard vessels of Philippine resupply missions and called on Beijing to respect the 2016 "
                        + "arbitral award.");

        // "They" is still the ministers: the three act on China, the first country after their condemnation.
        assertThat(TAGGER.pairCandidates(readout)).filteredOn(candidate -> candidate.tally().addressed > 0)
                .extracting(PairFinder.Candidate::pair).containsExactlyInAnyOrder("AU-CN", "CN-JP");
        assertThat(pairsOf(readout)).contains("AU-CN", "CN-JP", "CN-PH");
    }

    @Test
    void aCollectiveWordAfterTheVerbIsItsObjectNotTheSpeaker() {
        ArticleText speech = article("Lawmaker says Cuba and Russia threaten the United States",
                "A Florida lawmaker said on Monday that Cuba has become a base for spying on the United States. The Castro "
                        + "regime continues to threaten our national security and condemned the Venezuelan opposition.");

        // "our" follows "threaten": nobody speaks as one in that sentence, so it addresses no one.
        assertThat(TAGGER.pairCandidates(speech)).isNotEmpty().allSatisfy(candidate -> assertThat(candidate.tally().addressed).isZero());
    }

    @Test
    void postponingOrExemptingAMeasureEasesButPostponingTalksRaises() {
        ArticleText tariffs = article("Washington postpones tariffs on Chinese goods",
                "The United States postponed the tariff increase on Chinese goods by two weeks on Wednesday, after Beijing "
                        + "exempted several American farm products from its retaliatory tariffs.");
        ArticleText talks = article("Beijing postpones trade talks with Washington",
                "China postponed the trade talks and delayed the planned visit of its negotiators to the United States on "
                        + "Wednesday.");

        assertThat(TAGGER.tag(tariffs).deescalation()).isGreaterThan(TAGGER.tag(tariffs).escalation());
        assertThat(TAGGER.tag(talks).escalation()).isGreaterThan(TAGGER.tag(talks).deescalation());
    }

    @Test
    void aReversalThePartyDecidesOnActsButOneDemandedOfItDoesNot() {
        ArticleText agreed = article("Washington agrees to lift sanctions on Caracas",
                "The United States agreed on Friday to lift the sanctions on Venezuela's oil sector, after Caracas freed "
                        + "six American prisoners.");
        ArticleText urged = article("Caracas urges Washington to lift sanctions",
                "Venezuela urged the United States on Friday to lift the sanctions on its oil sector, calling them "
                        + "economic warfare.");

        assertThat(TAGGER.tag(agreed).deescalation()).isGreaterThan(TAGGER.tag(agreed).escalation());
        assertThat(TAGGER.tag(urged).escalation()).isGreaterThan(TAGGER.tag(urged).deescalation());
    }

    @Test
    void whatANaturalHazardDoesIsNoConflict() {
        ArticleText typhoon = article("Typhoon nears Taiwan and China",
                "The typhoon struck Taiwan on Monday and killed four people before heading for China, where a red warning was issued. "
                        + "A satellite image captured the typhoon's eye over the strait between Taiwan and China.");

        assertThat(TAGGER.tag(typhoon).escalation()).isZero();
        assertThat(pairsOf(typhoon)).isEmpty();
    }

    @Test
    void indianInItsAmericanSenseIsNoIndia() {
        ArticleText casino = article("Two plead guilty to cheating a tribal casino",
                "Two men pleaded guilty on Tuesday to cheating an Indian casino in Oklahoma with counterfeit chips, the "
                        + "United States Attorney said. The Indian tribe that owns the casino lost thousands of dollars.");

        assertThat(TAGGER.tag(casino).countries()).doesNotContain("IN");
    }

    @Test
    void cooperationAmongPartnersTiesThemButEasesNoTension() {
        String body = "The defense ministers of Australia, Japan and the United States met in Tokyo on Friday. The ministers agreed "
                + "to deepen cooperation and welcomed progress on joint exercises. Australia and Japan signed an agreement on "
                + "logistics cooperation with the United States.";
        ArticleText allies = article("Australia, Japan and the United States deepen defense cooperation", body);
        ArticleText rivals = article("Australia, China and the United States deepen defense cooperation",
                body.replace("Japan", "China").replace("Tokyo", "Beijing"));

        assertThat(pairsOf(allies)).contains("AU-JP", "AU-US", "JP-US");
        assertThat(TAGGER.tag(allies).direction()).isEqualTo(Direction.NONE);
        assertThat(TAGGER.tag(rivals).direction()).isEqualTo(Direction.DEESCALATION);
    }

    @Test
    void deterrenceAmongPartnersRaisesNoTensionUntilItNamesTheRival() {
        String body = "The defense ministers of Australia, Japan and the United States met in Darwin on Sunday. The ministers "
                + "agreed to expand trilateral military exercises and to strengthen deterrence with new missiles and drones. "
                + "Australia and Japan will station more warships and fighter jets alongside the United States.";
        ArticleText allies = article("Australia, Japan and the United States expand military exercises", body);
        ArticleText againstRival = article("Australia, Japan and the United States expand military exercises", body
                + " The ministers condemned North Korea's ballistic missile launches and warned Pyongyang against a nuclear test.");

        assertThat(pairsOf(allies)).contains("AU-JP", "AU-US", "JP-US");
        assertThat(TAGGER.tag(allies).direction()).isEqualTo(Direction.NONE);
        assertThat(TAGGER.tag(againstRival).direction()).isEqualTo(Direction.ESCALATION);
    }

    @Test
    void aLegislatureNamesItsOwnCountry() {
        // The Senate is the author: the object of its condemnation pairs with the United States.
        ArticleText resolution = article("Senate resolution condemns China's coercion of the Philippines",
                "The Senate on Thursday passed a resolution condemning China's harassment of Philippine resupply vessels near "
                        + "Second Thomas Shoal, where Chinese coast guard ships fired water cannons last month. The resolution "
                        + "reaffirms the Mutual Defense Treaty with the Philippines and calls on Beijing to stop its dangerous actions.");
        ArticleText npc = article("China's legislature passes a new counter-espionage law",
                "China's National People's Congress passed a broader counter-espionage law on Wednesday. Foreign companies in "
                        + "China warned that the vague rules on spying could be used against their staff, as Beijing steps up its "
                        + "campaign against foreign espionage.");

        assertThat(pairsOf(resolution)).contains("CN-US", "PH-US", "CN-PH");
        assertThat(TAGGER.tag(npc).countries()).doesNotContain("US");
    }
}
