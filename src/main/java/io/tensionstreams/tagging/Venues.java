package io.tensionstreams.tagging;

import io.tensionstreams.tagging.NearbyWords.WordList;

/**
 * Tells a country named as a party from a country named only as where something happened. Event
 * coders code actors, not locations: "a security summit in Ethiopia", "the Minsk agreements" and
 * "the Belarusian capital" where talks were held do not make Ethiopia or Belarus a party to the
 * dispute. Countries that are parties are named as such elsewhere ("Russia", "Kyiv said"), so
 * dropping the venue loses nothing.
 *
 * <p>Reads a few words either side of the name, walking the text by hand and comparing words in
 * place: this runs for every country mention, and regular expressions over a window cost the
 * tagger a third of its speed, copying and lower-casing the words a fifth.
 */
final class Venues {
    /** Words before the name that the rules read: a meeting, up to four words, then "in (the)". */
    static final int WORDS_BEFORE = 7;

    /** A meeting before "in" or "at": "a summit in", "talks between the two countries in". */
    private static final WordList MEETINGS = new WordList("summit", "summits", "talks", "meeting", "meetings", "conference", "negotiations",
            "forum", "dialogue", "ministerial", "ceremony", "convened", "gathering");
    /**
     * What is said, signed or visited in a city before "in" or "at" ("said in Singapore", "the deal
     * reached in Minsk", "a stop in Hanoi"). A city where something is done to or by its country ("a
     * Russian ship docked in Havana") stays its country.
     */
    private static final WordList DONE_THERE = new WordList("said", "spoke", "speaking", "remarks", "speech", "announced", "signed", "reached",
            "agreed", "held", "hosted", "met", "visit", "visits", "visited", "trip", "stop", "arrived", "returned");
    /** A city naming an agreement or a meeting after it: "the Minsk agreements", "the Paris Agreement", "the Singapore summit". */
    private static final WordList EVENTS = new WordList("agreement", "agreements", "accord", "accords", "protocol", "protocols", "plan", "format",
            "process", "declaration", "summit", "talks", "communique", "communiqué", "memorandum", "ceasefire", "cease-fire", "peace");
    /** How many words may stand between the meeting and "in": "talks between the two countries in". */
    private static final int MEETING_GAP = 4;

    private Venues() {
    }

    /**
     * Whether the name that starts where {@code before} reads back from, and ends at {@code end}, is
     * only a venue.
     *
     * @param before the words before the name ({@link #WORDS_BEFORE} of them at most), read back from its start
     * @param place whether the name is a city ("Minsk"), which is a venue after more kinds of phrase
     *              than a country's name ("Ukraine" in "the war in Ukraine" is a party)
     */
    static boolean isVenue(NearbyWords.WordsBefore before, int end, boolean place) {
        String text = before.text();
        int inCity = inBeforeCity(before);
        if (inCity >= 0) {
            return anyWithin(before, inCity + 1, MEETING_GAP + 1, MEETINGS) || anyWithin(before, inCity + 1, MEETING_GAP + 1, DONE_THERE);
        }
        int in = inOrAt(before);
        if (in >= 0 && anyWithin(before, in + 1, MEETING_GAP + 1, MEETINGS)) {
            return true;
        }
        // "in the Belarusian capital", "in the Ukrainian city of": a demonym naming the place.
        if (in == 1 && nextWordIsAnyOf(text, end, CAPITAL_OR_CITY)) {
            return true;
        }
        if (!place) {
            return false;
        }
        return (in >= 0 && anyWithin(before, in + 1, MEETING_GAP + 1, DONE_THERE)) || afterCapitalOf(before)
                || nextWordIsAnyOf(text, end, EVENTS);
    }

    /** Whether the word after the name ending at {@code end} is one of {@code words}: read only when a rule asks. */
    private static boolean nextWordIsAnyOf(String text, int end, WordList words) {
        int start = NearbyWords.nextWordStart(text, end);
        return NearbyWords.isAnyOf(text, start, NearbyWords.wordEnd(text, start), words);
    }

    private static final WordList CAPITAL_OR_CITY = new WordList("capital", "city");

    // The rules below read the words before the name, nearest first, in place and only as far as a rule asks.

    private static boolean anyWithin(NearbyWords.WordsBefore before, int from, int length, WordList words) {
        for (int i = from; i < from + length && before.has(i); i++) {
            if (before.isAnyOf(i, words)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the "in" or "at" right before the name, through a "the"; -1 if none. */
    private static int inOrAt(NearbyWords.WordsBefore before) {
        int i = before.is(0, "the") ? 1 : 0;
        return before.is(i, "in") || before.is(i, "at") ? i : -1;
    }

    /** "the Belarusian capital of Minsk", "the capital, Minsk". */
    private static boolean afterCapitalOf(NearbyWords.WordsBefore before) {
        return before.is(before.is(0, "of") ? 1 : 0, "capital");
    }

    /**
     * The index of the "in" or "at" before a city of one or two words that the name follows after
     * a comma ("met in Bali, Indonesia", "talks in Siem Reap, Cambodia"): the country then only
     * says where the city is, and is a venue on the same terms as the city. -1 if none.
     */
    private static int inBeforeCity(NearbyWords.WordsBefore before) {
        String text = before.text();
        int i = before.position() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != ',') {
            return -1;
        }
        for (int city = 1; city <= 2; city++) {
            if (before.is(city, "in") || before.is(city, "at")) {
                return city;
            }
        }
        return -1;
    }
}
