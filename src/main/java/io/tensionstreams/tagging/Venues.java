package io.tensionstreams.tagging;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a country named as a party from a country named only as where something happened. Event
 * coders code actors, not locations: "a security summit in Ethiopia", "the Minsk agreements" and
 * "the Belarusian capital" where talks were held do not make Ethiopia or Belarus a party to the
 * dispute. Countries that are parties are named as such elsewhere ("Russia", "Kyiv said"), so
 * dropping the venue loses nothing.
 *
 * <p>Reads a few words either side of the name, walking the text by hand: this runs for every
 * country mention, and regular expressions over a window cost the tagger a third of its speed.
 */
final class Venues {
    /** Words before the name that the rules read: a meeting, up to four words, then "in (the)". */
    private static final int WORDS_BEFORE = 7;

    /** A meeting before "in" or "at": "a summit in", "talks between the two countries in". */
    private static final Set<String> MEETINGS = Set.of("summit", "summits", "talks", "meeting", "meetings", "conference", "negotiations",
            "forum", "dialogue", "ministerial", "ceremony", "convened", "gathering");
    /**
     * What is said, signed or visited in a city before "in" or "at" ("said in Singapore", "the deal
     * reached in Minsk", "a stop in Hanoi"). A city where something is done to or by its country ("a
     * Russian ship docked in Havana") stays its country.
     */
    private static final Set<String> DONE_THERE = Set.of("said", "spoke", "speaking", "remarks", "speech", "announced", "signed", "reached",
            "agreed", "held", "hosted", "met", "visit", "visits", "visited", "trip", "stop", "arrived", "returned");
    /** A city naming an agreement or a meeting after it: "the Minsk agreements", "the Paris Agreement", "the Singapore summit". */
    private static final Set<String> EVENTS = Set.of("agreement", "agreements", "accord", "accords", "protocol", "protocols", "plan", "format",
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
        List<String> before = NearbyWords.before(text, start, WORDS_BEFORE);
        int inCity = inBeforeCity(text, start, before);
        if (inCity >= 0) {
            return anyWithin(before, inCity + 1, MEETING_GAP + 1, MEETINGS) || anyWithin(before, inCity + 1, MEETING_GAP + 1, DONE_THERE);
        }
        int in = inOrAt(before);
        if (in >= 0 && anyWithin(before, in + 1, MEETING_GAP + 1, MEETINGS)) {
            return true;
        }
        String next = NearbyWords.after(text, end);
        // "in the Belarusian capital", "in the Ukrainian city of": a demonym naming the place.
        if (in == 1 && ("capital".equals(next) || "city".equals(next))) {
            return true;
        }
        if (!place) {
            return false;
        }
        return (in >= 0 && anyWithin(before, in + 1, MEETING_GAP + 1, DONE_THERE)) || afterCapitalOf(before) || EVENTS.contains(next);
    }

    /** The index in {@code before} of the "in" or "at" right before the name, through a "the"; -1 if none. */
    private static int inOrAt(List<String> before) {
        int i = !before.isEmpty() && "the".equals(before.get(0)) ? 1 : 0;
        return i < before.size() && ("in".equals(before.get(i)) || "at".equals(before.get(i))) ? i : -1;
    }

    /**
     * The index in {@code before} of the "in" or "at" before a city of one or two words that the
     * name follows after a comma ("met in Bali, Indonesia", "talks in Siem Reap, Cambodia"): the
     * country then only says where the city is, and is a venue on the same terms as the city. -1 if
     * the name does not follow a city so.
     */
    private static int inBeforeCity(String text, int start, List<String> before) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != ',') {
            return -1;
        }
        for (int city = 1; city <= 2 && city < before.size(); city++) {
            if ("in".equals(before.get(city)) || "at".equals(before.get(city))) {
                return city;
            }
        }
        return -1;
    }

    /** "the Belarusian capital of Minsk", "the capital, Minsk". */
    private static boolean afterCapitalOf(List<String> before) {
        int i = !before.isEmpty() && "of".equals(before.get(0)) ? 1 : 0;
        return i < before.size() && "capital".equals(before.get(i));
    }

    private static boolean anyWithin(List<String> words, int from, int count, Set<String> set) {
        for (int i = from; i < Math.min(words.size(), from + count); i++) {
            if (set.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }
}
