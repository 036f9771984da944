package io.tensionstreams.tagging;

import java.util.List;

/** A theme the article is substantively about, with a score in [0, 1] and its evidence. */
public record ThemeMatch(String theme, double score, List<Evidence> evidence) {
}
