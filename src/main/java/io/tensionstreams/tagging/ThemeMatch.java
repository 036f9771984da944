package io.tensionstreams.tagging;

import java.util.List;

/** A theme the article is about (or, in a mention, refers to), with a score in [0, 1] and its evidence. */
public record ThemeMatch(String theme, double score, List<Evidence> evidence) {
}
