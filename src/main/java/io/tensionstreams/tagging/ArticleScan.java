package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One article after the single matching pass: its text, sentences and every phrase occurrence,
 * with helpers to ask what lies near a sentence. Lives for one {@link Tagger#tag} call.
 */
final class ArticleScan {
    /** One occurrence of a phrase; {@code sentence} is the index of the sentence holding it. */
    record Match(int phrase, int start, int end, int sentence) {
        int length() {
            return end - start;
        }
    }

    final String text;
    final String folded;
    final Sentences sentences;
    final List<Match> matches;
    private final Lexicon lexicon;
    private final int[] wordStarts;
    private final List<List<Match>> bySentence;

    private ArticleScan(Lexicon lexicon, String text, String folded, Sentences sentences, List<Match> matches, int[] wordStarts) {
        this.lexicon = lexicon;
        this.text = text;
        this.folded = folded;
        this.sentences = sentences;
        this.matches = matches;
        this.wordStarts = wordStarts;
        this.bySentence = new ArrayList<>();
        for (int i = 0; i < sentences.count(); i++) {
            bySentence.add(new ArrayList<>());
        }
        matches.forEach(match -> bySentence.get(match.sentence()).add(match));
    }

    static ArticleScan of(Lexicon lexicon, ArticleText article) {
        String text = article.fullText();
        String folded = TextFolder.fold(text);
        Sentences sentences = Sentences.split(text, article.title().length());
        List<Match> matches = new ArrayList<>();
        lexicon.matcher.scan(folded, (phrase, start, end) -> matches.add(new Match(phrase, start, end, sentences.indexOf(start))));
        return new ArticleScan(lexicon, text, folded, sentences, matches, wordStarts(folded));
    }

    List<Match> inSentence(int sentence) {
        return bySentence.get(sentence);
    }

    Lexicon.Role[] rolesOf(Match match) {
        return lexicon.roles[match.phrase()];
    }

    Evidence evidence(Match match) {
        return new Evidence(text.substring(match.start(), match.end()), match.start(), match.end());
    }

    /** The index of the word that starts at or contains {@code offset}. */
    int wordIndex(int offset) {
        int found = Arrays.binarySearch(wordStarts, offset);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /**
     * Whether another match with a role satisfying {@code role} lies within {@code radius}
     * sentences of {@code of}: a phrase is never its own context.
     */
    boolean near(Match of, int radius, Predicate<Lexicon.Role> role) {
        int from = Math.max(0, of.sentence() - radius);
        int to = Math.min(bySentence.size() - 1, of.sentence() + radius);
        for (int s = from; s <= to; s++) {
            for (Match match : bySentence.get(s)) {
                if (!overlaps(match, of) && hasRole(match, role)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean overlaps(Match a, Match b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    boolean hasRole(Match match, Predicate<Lexicon.Role> role) {
        for (Lexicon.Role candidate : rolesOf(match)) {
            if (role.test(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matches that play a role satisfying {@code role}, keeping the leftmost-longest where they
     * overlap: "People's Republic of China" is one mention, not also "Republic of China" and "China".
     */
    List<Match> leftmostLongest(Predicate<Lexicon.Role> role) {
        List<Match> candidates = new ArrayList<>();
        for (Match match : matches) {
            if (hasRole(match, role)) {
                candidates.add(match);
            }
        }
        candidates.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::length).reversed()));
        List<Match> kept = new ArrayList<>();
        int coveredUntil = -1;
        for (Match match : candidates) {
            if (match.start() >= coveredUntil) {
                kept.add(match);
                coveredUntil = match.end();
            }
        }
        return kept;
    }

    private static int[] wordStarts(String folded) {
        int[] starts = new int[Math.max(16, folded.length() / 5)];
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < folded.length(); i++) {
            boolean word = TextFolder.isWordChar(folded.charAt(i));
            if (word && !inWord) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
            inWord = word;
        }
        return Arrays.copyOf(starts, count);
    }
}
