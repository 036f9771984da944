package io.tensionstreams.tagging;

import java.util.regex.Pattern;

/**
 * Tells a country named as a party from a country named only as where something happened. Event
 * coders code actors, not locations: "a security summit in Ethiopia", "the Minsk agreements" and
 * "the Belarusian capital" where talks were held do not make Ethiopia or Belarus a party to the
 * dispute. Countries that are parties are named as such elsewhere ("Russia", "Kyiv said"), so
 * dropping the venue loses nothing.
 */
final class Venues {
    /** How far before and after a name the rules look: a short phrase, never the whole sentence. */
    private static final int BEFORE = 60;
    private static final int AFTER = 24;

    /** A meeting, then at most a few words, then "in" or "at": "a summit in", "talks held at the". */
    private static final Pattern MEETING_IN = Pattern.compile(
            "(?i)\\b(?:summits?|talks|meetings?|conference|negotiations|forum|dialogue|ministerial|ceremony|convened|gathering)\\b"
                    + "[^.;:!?\"\u201c\u201d]{0,28}\\b(?:in|at)\\s+(?:the\\s+)?$");
    /**
     * A city after what is said, signed or visited there ("said in Singapore", "the deal reached in
     * Minsk", "a stop in Hanoi"), or after "capital of". A city where something is done to or by its
     * country ("a Russian ship docked in Havana") stays its country.
     */
    private static final Pattern PLACE_IN = Pattern.compile(
            "(?i)(?:\\b(?:said|spoke|speaking|remarks|speech|announced|signed|reached|agreed|held|hosted|visits?|visited|trip|stop|arrived|returned)\\b"
                    + "[^.;:!?\"\u201c\u201d]{0,28}\\b(?:in|at)\\s+(?:the\\s+)?|\\bcapital(?:\\s+city)?(?:\\s+of)?,?\\s+)$");
    /** A place naming an agreement or a meeting: "the Minsk agreements", "the Paris Agreement", "the Singapore summit". */
    private static final Pattern NAMES_AN_EVENT = Pattern.compile(
            "(?i)^[\u2019']?s?\\s+(?:peace\\s+|cease-?fire\\s+)?(?:agreements?|accords?|protocols?|plan|format|process|declaration|summit|talks|"
                    + "communiqu[e\u00e9]|memorandum|cease-?fire|peace\\s+plan)\\b");
    /** "in the Belarusian capital", "in the Ukrainian city of": a demonym naming the place, not the party. */
    private static final Pattern IN_THE = Pattern.compile("(?i)\\b(?:in|at)\\s+the\\s+$");
    private static final Pattern CAPITAL_AFTER = Pattern.compile("(?i)^\\s+(?:capital|city)\\b");

    private Venues() {
    }

    /**
     * Whether the name at {@code [start, end)} of {@code text} is only a venue.
     *
     * @param place whether the name is a city ("Minsk"), which is a venue after more kinds of phrase
     *              than a country's name ("Ukraine" in "the war in Ukraine" is a party)
     */
    static boolean isVenue(String text, int start, int end, boolean place) {
        String before = text.substring(Math.max(0, start - BEFORE), start);
        String after = text.substring(end, Math.min(text.length(), end + AFTER));
        if (MEETING_IN.matcher(before).find()) {
            return true;
        }
        if (IN_THE.matcher(before).find() && CAPITAL_AFTER.matcher(after).find()) {
            return true;
        }
        return place && (PLACE_IN.matcher(before).find() || NAMES_AN_EVENT.matcher(after).find());
    }
}
