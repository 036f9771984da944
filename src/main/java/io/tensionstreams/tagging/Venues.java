package io.tensionstreams.tagging;

import java.util.List;

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
    private static final int WORDS_BEFORE = 7;

    /** A meeting before "in" or "at": "a summit in", "talks between the two countries in". */
    private static final List<String> MEETINGS = List.of("summit", "summits", "talks", "meeting", "meetings", "conference", "negotiations",
            "forum", "dialogue", "ministerial", "ceremony", "convened", "gathering");
    /**
     * What is said, signed or visited in a city before "in" or "at" ("said in Singapore", "the deal
     * reached in Minsk", "a stop in Hanoi"). A city where something is done to or by its country ("a
     * Russian ship docked in Havana") stays its country.
     */
    private static final List<String> DONE_THERE = List.of("said", "spoke", "speaking", "remarks", "speech", "announced", "signed", "reached",
            "agreed", "held", "hosted", "met", "visit", "visits", "visited", "trip", "stop", "arrived", "returned");
    /** A city naming an agreement or a meeting after it: "the Minsk agreements", "the Paris Agreement", "the Singapore summit". */
    private static final List<String> EVENTS = List.of("agreement", "agreements", "accord", "accords", "protocol", "protocols", "plan", "format",
            "process", "declaration", "summit", "talks", "communique", "communiqué", "memorandum", "ceasefire", "cease-fire", "peace");
    /** How many words may stand between the meeting and "in": "talks between the two countries in". */
    private static final int MEETING_GAP = 4;

    private Venues() {
    }

    /**
     * Whether the name at {@code [start, end)} of {@code text} is only a venue.
     *
     * @param place whether the name is a city ("Minsk"), which is a venue after more kinds of phrase
     *              than a country's name ("Ukraine" in "the war in Ukraine" is a party)
     */
    static boolean isVenue(String text, int start, int end, boolean place) {
        Words before = new Words(text, start);
        int inCity = before.inBeforeCity();
        if (inCity >= 0) {
            return before.anyWithin(inCity + 1, MEETING_GAP + 1, MEETINGS) || before.anyWithin(inCity + 1, MEETING_GAP + 1, DONE_THERE);
        }
        int in = before.inOrAt();
        if (in >= 0 && before.anyWithin(in + 1, MEETING_GAP + 1, MEETINGS)) {
            return true;
        }
        int nextStart = NearbyWords.nextWordStart(text, end);
        int nextEnd = NearbyWords.wordEnd(text, nextStart);
        // "in the Belarusian capital", "in the Ukrainian city of": a demonym naming the place.
        if (in == 1 && NearbyWords.isAnyOf(text, nextStart, nextEnd, CAPITAL_OR_CITY)) {
            return true;
        }
        if (!place) {
            return false;
        }
        return (in >= 0 && before.anyWithin(in + 1, MEETING_GAP + 1, DONE_THERE)) || before.afterCapitalOf()
                || NearbyWords.isAnyOf(text, nextStart, nextEnd, EVENTS);
    }

    private static final List<String> CAPITAL_OR_CITY = List.of("capital", "city");

    /** The words before the name, nearest first, read in place and only as far as a rule asks. */
    private static final class Words {
        private final String text;
        private final int name;
        private final NearbyWords.WordsBefore before;

        Words(String text, int name) {
            this.text = text;
            this.name = name;
            this.before = new NearbyWords.WordsBefore(text, name, WORDS_BEFORE);
        }

        boolean is(int i, String word) {
            return before.is(i, word);
        }

        boolean anyWithin(int from, int length, List<String> words) {
            for (int i = from; i < from + length && before.has(i); i++) {
                if (before.isAnyOf(i, words)) {
                    return true;
                }
            }
            return false;
        }

        /** The index of the "in" or "at" right before the name, through a "the"; -1 if none. */
        int inOrAt() {
            int i = is(0, "the") ? 1 : 0;
            return is(i, "in") || is(i, "at") ? i : -1;
        }

        /** "the Belarusian capital of Minsk", "the capital, Minsk". */
        boolean afterCapitalOf() {
            return is(is(0, "of") ? 1 : 0, "capital");
        }

        /**
         * The index of the "in" or "at" before a city of one or two words that the name follows after
         * a comma ("met in Bali, Indonesia", "talks in Siem Reap, Cambodia"): the country then only
         * says where the city is, and is a venue on the same terms as the city. -1 if none.
         */
        int inBeforeCity() {
            int i = name - 1;
            while (i >= 0 && text.charAt(i) == ' ') {
                i--;
            }
            if (i < 0 || text.charAt(i) != ',') {
                return -1;
            }
            for (int city = 1; city <= 2; city++) {
                if (is(city, "in") || is(city, "at")) {
                    return city;
                }
            }
            return -1;
        }
    }
}
