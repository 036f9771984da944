package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.Arrays;
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
    final byte[] folded;
    final Sentences sentences;
    /** The body's dateline ("TAIPEI, TAIWAN —"): empty (start == end) when it has none. */
    private final int datelineStart;
    private final int datelineEnd;
    final List<Match> matches;
    private final Lexicon lexicon;
    private final List<List<Match>> bySentence;
    /** The context signature of each sentence: its matches' {@link Lexicon#contexts}, together. */
    private final long[] contextsBySentence;
    /** The matches by start, the longest first among those starting together: the order leftmost-longest reads them in. */
    private final List<Match> byStart;

    /** By start, then the longest first. */
    private static int leftmostLongestOrder(Match a, Match b) {
        return a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.length(), a.length());
    }

    private ArticleScan(Lexicon lexicon, String text, byte[] folded, Sentences sentences, List<Match> matches, int bodyStart) {
        this.datelineStart = bodyStart;
        this.datelineEnd = Dateline.end(text, bodyStart);
        this.lexicon = lexicon;
        this.text = text;
        this.folded = folded;
        this.sentences = sentences;
        this.matches = matches;
        this.bySentence = new ArrayList<>();
        for (int i = 0; i < sentences.count(); i++) {
            bySentence.add(new ArrayList<>());
        }
        this.contextsBySentence = new long[sentences.count()];
        for (Match match : matches) {
            bySentence.get(match.sentence()).add(match);
            contextsBySentence[match.sentence()] |= lexicon.contexts[match.phrase()];
        }
        this.byStart = inLeftmostLongestOrder(matches);
    }

    /**
     * Sorted once for every leftmostLongest, by insertion, which is stable: the matches arrive by
     * end, so by start they are out of order only where they overlap, and each moves a step or two.
     */
    private static List<Match> inLeftmostLongestOrder(List<Match> matches) {
        Match[] sorted = matches.toArray(new Match[0]);
        for (int i = 1; i < sorted.length; i++) {
            Match match = sorted[i];
            int j = i - 1;
            while (j >= 0 && leftmostLongestOrder(sorted[j], match) > 0) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = match;
        }
        return Arrays.asList(sorted);
    }

    static ArticleScan of(Lexicon lexicon, ArticleText article) {
        String text = article.fullText();
        byte[] folded = TextFolder.foldToBytes(text);
        Sentences sentences = Sentences.split(text, folded, article.title().length());
        List<Match> matches = new ArrayList<>(Math.max(16, text.length() / 8));
        Locator locator = new Locator(sentences);
        lexicon.matcher.scan(folded, (phrase, start, end) -> matches.add(locator.match(phrase, start, end)));
        int bodyStart = Math.min(text.length(), article.title().length() + ArticleText.SEPARATOR.length());
        return new ArticleScan(lexicon, text, folded, sentences, matches, bodyStart);
    }

    /**
     * Finds the sentence of each match. Matches arrive in order of their end, so their starts move
     * forward but for short steps back: a cursor makes this linear where a binary search per match
     * was the tagger's hottest spot.
     */
    private static final class Locator {
        private final Sentences sentences;
        private int sentence;

        Locator(Sentences sentences) {
            this.sentences = sentences;
        }

        Match match(int phrase, int start, int end) {
            while (sentence + 1 < sentences.count() && sentences.startOf(sentence + 1) <= start) {
                sentence++;
            }
            while (sentence > 0 && sentences.startOf(sentence) > start) {
                sentence--;
            }
            return new Match(phrase, start, end, sentence);
        }
    }

    /**
     * How many words start after {@code from} up to and including {@code to} ("not attack" is 1),
     * counting at most {@code limit + 1}:
     * enough to tell whether a negation is within its window of a cue without indexing every word.
     */
    int wordsBetween(int from, int to, int limit) {
        int words = 0;
        boolean inWord = true;
        for (int i = from; i <= to && words <= limit; i++) {
            boolean word = TextFolder.isWordByte(folded[i]);
            if (word && !inWord) {
                words++;
            }
            inWord = word;
        }
        return words;
    }

    boolean inDateline(Match match) {
        return match.start() >= datelineStart && match.start() < datelineEnd;
    }

    List<Match> inSentence(int sentence) {
        return bySentence.get(sentence);
    }

    Lexicon.Role[] rolesOf(Match match) {
        return lexicon.roles[match.phrase()];
    }

    /** The context groups {@code term} asks about, as signatures. */
    Lexicon.TermContexts termContexts(Lexicon.ThemeTerm term) {
        return lexicon.termContexts(term.theme(), term.term());
    }

    /** The signature of the context that confirms an ambiguous name of country {@code country}. */
    long countryContext(int country) {
        return lexicon.countryContext(country);
    }

    Evidence evidence(Match match) {
        return new Evidence(text.substring(match.start(), match.end()), match.start(), match.end());
    }

    /**
     * Whether another match with a role of {@code kind} satisfying {@code role} lies within
     * {@code radius} sentences of {@code of}: a phrase is never its own context.
     */
    boolean near(Match of, int radius, Lexicon.Kind kind, Predicate<Lexicon.Role> role) {
        int from = Math.max(0, of.sentence() - radius);
        int to = Math.min(bySentence.size() - 1, of.sentence() + radius);
        for (int s = from; s <= to; s++) {
            if (anyOther(bySentence.get(s), of, kind, role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The context signature of the sentences within {@code radius} of {@code of}'s: where it
     * lacks the bits of a group, {@link #near} would find none of its phrases there.
     */
    long contextsNear(Match of, int radius) {
        long signature = 0;
        for (int s = Math.max(0, of.sentence() - radius); s <= Math.min(bySentence.size() - 1, of.sentence() + radius); s++) {
            signature |= contextsBySentence[s];
        }
        return signature;
    }

    /** The context signature of the title (sentence 0). */
    long contextsInTitle() {
        return contextsBySentence[0];
    }

    /** Whether a match other than {@code of} with a role of {@code kind} satisfying {@code role} lies in the title (sentence 0). */
    boolean inTitle(Match of, Lexicon.Kind kind, Predicate<Lexicon.Role> role) {
        return anyOther(bySentence.get(0), of, kind, role);
    }

    private boolean anyOther(List<Match> matches, Match of, Lexicon.Kind kind, Predicate<Lexicon.Role> role) {
        for (Match match : matches) {
            if (plays(match, kind.bit()) && !overlaps(match, of) && hasRole(match, role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the match plays a role of any kind in {@code kinds}, bits of {@link Lexicon.Kind}. */
    boolean plays(Match match, int kinds) {
        return (lexicon.kinds[match.phrase()] & kinds) != 0;
    }

    boolean plays(Match match, Lexicon.Kind kind) {
        return plays(match, kind.bit());
    }

    private static boolean overlaps(Match a, Match b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private boolean hasRole(Match match, Predicate<Lexicon.Role> role) {
        for (Lexicon.Role candidate : rolesOf(match)) {
            if (role.test(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matches that play a role of one of {@code kinds}, keeping the leftmost-longest where they
     * overlap: "People's Republic of China" is one mention, not also "Republic of China" and "China".
     */
    List<Match> leftmostLongest(Lexicon.Kind... kinds) {
        int bits = 0;
        for (Lexicon.Kind kind : kinds) {
            bits |= kind.bit();
        }
        List<Match> kept = new ArrayList<>();
        int coveredUntil = -1;
        for (Match match : byStart) {
            if (plays(match, bits) && match.start() >= coveredUntil) {
                kept.add(match);
                coveredUntil = match.end();
            }
        }
        return kept;
    }
}
