package io.tensionstreams.tagging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds where an article mentions a country: by name, demonym, capital, institution, or an
 * official in office on the publication date. A name inside a blocker ("South China Sea") or a
 * longer name ("Republic of China" inside "People's Republic of China") does not count; an
 * ambiguous name ("Georgia") counts only with confirming context in the same or a neighbouring
 * sentence; a case-sensitive name ("US") only with its case; a name that is only the venue of
 * something ("talks in Minsk") does not count ({@link Venues}).
 */
final class CountryMentions {
    /** A mention of country {@code country} (index into the taxonomy) in sentence {@code sentence}. */
    record Mention(int country, int sentence, ArticleScan.Match match) {
    }

    private static final int CONTEXT_RADIUS = 1;

    private CountryMentions() {
    }

    /** The countries each sentence names, as {@link CountryCodes} numbers, in sentence order. */
    static List<BitSet> bySentence(ArticleScan scan, List<Mention> mentions, CountryCodes codes) {
        List<BitSet> bySentence = new ArrayList<>(scan.sentences.count());
        for (int s = 0; s < scan.sentences.count(); s++) {
            bySentence.add(new BitSet());
        }
        for (Mention mention : mentions) {
            bySentence.get(mention.sentence()).set(codes.ofCountry(mention.country()));
        }
        return bySentence;
    }

    static List<Mention> find(ArticleScan scan, LocalDate published, Taxonomy taxonomy) {
        List<Mention> mentions = new ArrayList<>();
        NearbyWords.WordsBefore before = new NearbyWords.WordsBefore(scan.text, 0, Venues.WORDS_BEFORE);
        for (ArticleScan.Match match : scan.leftmostLongest(Lexicon.Kind.COUNTRY_NAME, Lexicon.Kind.BLOCKER)) {
            for (Lexicon.Role role : scan.rolesOf(match)) {
                if (role instanceof Lexicon.CountryName name && counts(scan, match, name, published, taxonomy, before)) {
                    mentions.add(new Mention(name.country(), match.sentence(), match));
                    break;
                }
            }
        }
        return mentions;
    }

    /** @param before a reader of the words before a name, reused for every name of the article */
    private static boolean counts(ArticleScan scan, ArticleScan.Match match, Lexicon.CountryName name, LocalDate published,
                                  Taxonomy taxonomy, NearbyWords.WordsBefore before) {
        if (name.exactText() != null && !scan.text.regionMatches(match.start(), name.exactText(), 0, name.exactText().length())) {
            return false;
        }
        if (name.person() >= 0 && !taxonomy.countries().get(name.country()).people().get(name.person()).inOffice(published)) {
            return false;
        }
        if (Venues.isVenue(before.at(match.start()), match.end(), name.place())) {
            return false;
        }
        // The window's signature first, as for a theme term's context.
        return !name.ambiguous() || (scan.contextsNear(match, CONTEXT_RADIUS) & scan.countryContext(name.country())) != 0
                && scan.near(match, CONTEXT_RADIUS, Lexicon.Kind.COUNTRY_CONTEXT,
                        role -> role instanceof Lexicon.CountryContext context && context.country() == name.country());
    }
}
