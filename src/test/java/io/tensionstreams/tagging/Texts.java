package io.tensionstreams.tagging;

import java.time.LocalDate;

/** Articles written by the team for the tagger's tests. None is taken from a real outlet. */
final class Texts {
    private Texts() {
    }

    static ArticleText article(String title, String body) {
        return new ArticleText("t", title, body, LocalDate.of(2024, 6, 1));
    }

    static ArticleText article(String title, String body, LocalDate published) {
        return new ArticleText("t", title, body, published);
    }

    static final ArticleText TAIWAN_DRILLS = article(
            "China stages large drills around Taiwan after inauguration",
            """
            China's military launched large-scale drills around Taiwan on Thursday, sending warships and fighter jets \
            across the median line of the Taiwan Strait. Beijing said the exercises were a punishment for separatist \
            forces on the island. Taiwan's defense ministry said it tracked dozens of PLA aircraft and scrambled jets \
            in response. The United States urged restraint and said it was watching the situation closely.""");

    static final ArticleText SCS_WATER_CANNON = article(
            "Chinese coast guard fires water cannon at Philippine supply boat near Second Thomas Shoal",
            """
            A Chinese coast guard vessel fired a water cannon at a Philippine supply boat on Saturday near the \
            Second Thomas Shoal in the South China Sea, Manila said. The Philippine coast guard said two crew members \
            were injured in the collision that followed. Beijing claims almost the entire South China Sea and accused \
            the Philippines of trespassing in its waters.""");

    static final ArticleText UKRAINE_STRIKES = article(
            "Russian drones and missiles hit Kyiv overnight",
            """
            Russia launched a wave of missiles and drones at Kyiv overnight, killing three people, Ukrainian officials \
            said. Ukraine's air defenses shot down most of the drones, the air force said. President Zelenskyy called \
            on allies to send more air defense systems as Russian forces pressed an offensive in the east.""");

    static final ArticleText SPY_BALLOON = article(
            "US fighter jet shoots down Chinese spy balloon off the coast",
            """
            A US fighter jet shot down a Chinese surveillance balloon off the Atlantic coast on Saturday, the Pentagon \
            said. The balloon had crossed sensitive military sites, and officials said it was collecting intelligence. \
            Beijing said it was a civilian airship that had strayed off course and condemned the use of force.""");

    static final ArticleText CUBA_BASE = article(
            "Report: China runs a spy base in Cuba",
            """
            China has operated an eavesdropping facility in Cuba for several years, US officials said on Thursday. \
            The spy base allows Chinese intelligence to collect communications across the southeastern United States, \
            the officials said. Havana denied the report and Washington said it would raise the espionage with Beijing.""");

    static final ArticleText CHIP_CONTROLS = article(
            "US tightens chip export controls on China",
            """
            The US Commerce Department on Tuesday tightened export controls on advanced semiconductors to China, adding \
            a dozen Chinese chipmakers to the entity list. The rules restrict sales of chipmaking equipment to Beijing, \
            which officials said could be used for military modernization. China's commerce ministry condemned the \
            restrictions and warned of retaliation.""");

    /** Like the seed: a Secretary of State visiting Beijing after a spy balloon, touching all five themes. */
    static final ArticleText SECRETARY_IN_BEIJING = article(
            "Secretary of State travels to Beijing to mend ties after balloon row",
            """
            Secretary of State Antony Blinken will travel to Beijing this weekend, as Washington and China try to mend \
            relations that froze after a Chinese spy balloon crossed the United States. The trip was called off in \
            February when the surveillance balloon was shot down by a US fighter jet over the Atlantic. China called the \
            shooting an overreaction and said the balloon was a weather airship.

            Officials said Blinken would raise China's military drills in the Taiwan Strait, where Chinese warships have \
            pressed closer to Taiwan this year. Beijing has warned Washington against arms sales to Taipei.

            The talks will also cover the South China Sea, where Chinese coast guard ships have blocked Philippine \
            supply boats near the Second Thomas Shoal. The United States says China's claims in the South China Sea \
            have no basis in international law.

            Blinken will urge Beijing not to arm Russia for its war in Ukraine. Washington says Chinese firms have sold \
            drone parts that Russian forces use in Ukraine.

            US officials also confirmed this week that China has run a spy base in Cuba since 2019, an eavesdropping \
            facility about 100 miles from Florida. The espionage will be on the agenda, an official said.

            China, for its part, condemns the export controls on advanced semiconductors that Washington imposed last \
            year. Beijing says the chip restrictions aim to contain its rise, and Chinese chipmakers have been added to \
            the US entity list.""",
            LocalDate.of(2023, 6, 14));
}
