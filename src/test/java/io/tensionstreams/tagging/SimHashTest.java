package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {
    private static final String BODY = """
            The Philippine coast guard said on Sunday that a Chinese vessel had blocked one of its supply boats near a \
            disputed reef for more than two hours before letting it pass. The boat was carrying food, water and fuel \
            for a small group of marines stationed on a grounded warship that serves as an outpost. Officials in Manila \
            said the Chinese ship came within a few metres of the supply boat and used a loudspeaker to order it away. \
            Beijing said the boat had entered its waters without permission and that its coast guard acted in line with \
            the law. The incident was the third this month, and Manila said it would file a diplomatic protest. Analysts \
            said the two governments were likely to keep testing each other at sea while talking in private about ways \
            to avoid a collision. The United States, a treaty ally of the Philippines, said it was following the events \
            closely and called on both sides to act with restraint. Fishermen in the area said they had seen more ships \
            in recent weeks and feared that their catch would shrink as the standoff went on.""";

    @Test
    void aSyndicatedCopyWithAnotherHeadlineAndBoilerplateIsANearDuplicate() {
        String syndicated = "MANILA (Pacific Wire) \u2014 " + BODY
                + "\nReporting by Ana Cruz; Editing by Tom Hale.\nCopyright 2026 Pacific Wire. All rights reserved.";

        int distance = SimHash.distance(SimHash.of(BODY), SimHash.of(syndicated));

        assertThat(distance).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_DISTANCE);
        assertThat(SimHash.nearDuplicates(SimHash.of(BODY), SimHash.of(syndicated))).isTrue();
    }

    @Test
    void aDifferentArticleOnTheSameEventIsNot() {
        String other = """
                Manila lodged a diplomatic protest on Monday after a Chinese coast guard ship blocked a Philippine supply \
                mission for two hours at a contested shoal. The foreign ministry said the ship's actions endangered the \
                crew and violated international law. China's embassy replied that the Philippine boat had intruded into \
                Chinese waters. Washington repeated that its defence treaty with Manila covers attacks on Philippine \
                vessels anywhere in the sea. Residents of nearby fishing villages told reporters that patrols had grown \
                since the spring and that they now avoid the reef altogether.""";

        assertThat(SimHash.distance(SimHash.of(BODY), SimHash.of(other))).isGreaterThan(SimHash.NEAR_DUPLICATE_DISTANCE);
    }

    @Test
    void aFingerprintDependsOnlyOnTheText() {
        assertThat(SimHash.of(BODY)).isEqualTo(SimHash.of(BODY)).isNotZero();
        assertThat(SimHash.of("")).isZero();
    }

    @Test
    void strippingDropsTheDatelineAndBoilerplateSentencesAndKeepsTheRest() {
        String body = "MANILA (Pacific Wire) \u2014 Talks resumed. Both sides met!\nReporting by Ana Cruz; Editing by Tom Hale.\n"
                + "Officials were hopeful?  (c) 2026 Pacific Wire. Subscribe to our newsletter.\nThe end";

        assertThat(SimHash.strip(body)).isEqualTo("Talks resumed. Both sides met! Officials were hopeful? The end ");
    }

    @Test
    void theHexFingerprintIsExactForEveryLongAndMalformedTextIsNone() {
        for (long value : new long[] {0L, 1L, (1L << 53) + 1, Long.MAX_VALUE, -1L, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            String hex = SimHash.hex(value);
            assertThat(hex).hasSize(16).matches("[0-9a-f]{16}");
            assertThat(SimHash.parseHex(hex)).isEqualTo(value);
        }
        assertThat(SimHash.parseHex("")).isZero();
        assertThat(SimHash.parseHex("not-a-fingerprint")).isZero();
        assertThat(SimHash.parseHex(null)).isZero();
    }
}
