package io.tensionstreams.tagging;

import java.util.Set;

/** An article with the themes, pairs and direction a person labelled it with. */
public record LabelledArticle(ArticleText article, Set<String> themes, Set<String> pairs, Direction direction) {
    public LabelledArticle {
        themes = Set.copyOf(themes);
        pairs = Set.copyOf(pairs);
    }
}
