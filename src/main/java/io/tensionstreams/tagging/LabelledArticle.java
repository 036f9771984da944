package io.tensionstreams.tagging;

import java.util.Set;

/**
 * An article with the labels a person gave it: the themes it is substantively about, every theme
 * it mentions (a superset of the themes), its pairs and its direction.
 */
public record LabelledArticle(ArticleText article, Set<String> themes, Set<String> mentions, Set<String> pairs,
                              Direction direction) {
    public LabelledArticle {
        themes = Set.copyOf(themes);
        mentions = Set.copyOf(mentions);
        pairs = Set.copyOf(pairs);
        if (!mentions.containsAll(themes)) {
            throw new IllegalArgumentException(article.id() + ": mentions " + mentions + " must include the themes " + themes);
        }
    }

    /** Direction is judged only on articles labelled with a theme or a pair: the rest have nothing to move. */
    public boolean directionJudged() {
        return !themes.isEmpty() || !pairs.isEmpty();
    }
}
