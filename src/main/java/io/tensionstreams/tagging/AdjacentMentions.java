package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Countries named next to each other in a sentence, with no other country between them: the shape
 * of an event, whose source and target stand either side of what one does to the other ("the US
 * sanctioned Russia", "Russia's war against Ukraine", "China and the Philippines agreed"). In
 * "Washington sanctioned Moscow over its war in Ukraine" the US is next to Russia and Russia to
 * Ukraine, while the US and Ukraine are apart: event coders take the nearest actors either side
 * of a verb as its source and target.
 */
final class AdjacentMentions {
    /** Per pair: the sentences naming the two side by side, and those with a cue between them. */
    record Counts(BitSet sentences, BitSet withCue) {
    }

    private AdjacentMentions() {
    }

    /** The pairs named side by side somewhere in the article, by {@link CountryCodes#pair} key. */
    static Map<Integer, Counts> of(List<CountryMentions.Mention> mentions, CueScorer.SentenceCues cues, CountryCodes codes) {
        Map<Integer, Counts> counts = new HashMap<>();
        for (int i = 1; i < mentions.size(); i++) {
            CountryMentions.Mention before = mentions.get(i - 1);
            CountryMentions.Mention after = mentions.get(i);
            int a = codes.ofCountry(before.country());
            int b = codes.ofCountry(after.country());
            if (before.sentence() != after.sentence() || a == b) {
                continue;
            }
            Counts pair = counts.computeIfAbsent(codes.pair(a, b), k -> new Counts(new BitSet(), new BitSet()));
            pair.sentences().set(after.sentence());
            if (cueBetween(cues.cues().get(after.sentence()), before.match().end(), after.match().start())) {
                pair.withCue().set(after.sentence());
            }
        }
        return counts;
    }

    /** Whether a cue lies wholly between {@code from} and {@code to}. */
    static boolean cueBetween(List<ArticleScan.Match> cues, int from, int to) {
        for (ArticleScan.Match cue : cues) {
            if (cue.start() >= from && cue.end() <= to) {
                return true;
            }
        }
        return false;
    }
}
