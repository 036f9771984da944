package io.tensionstreams.tagging;

import java.util.List;

/**
 * What the tagger found in one article.
 *
 * @param themes       themes the article is substantively about, strongest first
 * @param mentions     every theme the article refers to at all, strongest first: a superset of
 *                     {@code themes}, passing and agenda-list references included
 * @param countries    ISO codes of the countries involved, most salient first
 * @param pairs        pairs in tension or cooperation, strongest first
 * @param direction    whether the article escalates, de-escalates, both, or neither
 * @param escalation   weighted escalation cues in the sentences that matter (themes and pairs)
 * @param deescalation weighted de-escalation cues in those sentences
 */
public record ArticleTags(List<ThemeMatch> themes, List<ThemeMatch> mentions, List<String> countries, List<PairMatch> pairs, Direction direction,
                          double escalation, double deescalation) {

    public boolean hasTheme(String theme) {
        return themes.stream().anyMatch(match -> match.theme().equals(theme));
    }

    public boolean mentions(String theme) {
        return mentions.stream().anyMatch(match -> match.theme().equals(theme));
    }
}
