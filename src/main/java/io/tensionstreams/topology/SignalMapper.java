package io.tensionstreams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.Evidence;
import io.tensionstreams.avro.PairSignal;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.tagging.ArticleTags;
import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.tagging.SimHash;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.tagging.ThemeMatch;

/** Tags an article and writes what was found as an {@link ArticleSignal}. */
final class SignalMapper {
    private final Tagger tagger;
    private final TaggingListener listener;

    SignalMapper(Tagger tagger, TaggingListener listener) {
        this.tagger = tagger;
        this.listener = listener;
    }

    ArticleSignal signalOf(Article article, long eventTime) {
        long started = System.nanoTime();
        LocalDate published = LocalDate.ofInstant(Instant.ofEpochMilli(eventTime), ZoneOffset.UTC);
        ArticleTags tags = tagger.tag(new ArticleText(article.getId(), article.getTitle(), article.getBody(), published));
        ArticleSignal signal = ArticleSignal.newBuilder()
                .setArticleId(article.getId())
                .setTitle(article.getTitle())
                .setSource(article.getSource())
                .setUrl(article.getUrl())
                .setPublishedAt(Instant.ofEpochMilli(eventTime))
                .setThemes(tags.themes().stream().map(SignalMapper::themeHit).toList())
                .setCountries(tags.countries())
                .setPairs(tags.pairs().stream().map(SignalMapper::pairSignal).toList())
                .setDirection(tags.direction().label())
                .setFingerprint(SimHash.hex(SimHash.of(article.getBody())))
                .setDuplicateOf(null)
                .setMentions(tags.mentions().stream().map(SignalMapper::themeHit).toList())
                .build();
        listener.tagged(signal, System.nanoTime() - started);
        return signal;
    }

    private static ThemeHit themeHit(ThemeMatch match) {
        return new ThemeHit(match.theme(), match.score(), evidence(match.evidence()));
    }

    private static PairSignal pairSignal(PairMatch pair) {
        return new PairSignal(pair.pair(), pair.countryA(), pair.countryB(), pair.tension(), pair.escalation(), pair.deescalation(),
                pair.themes(), evidence(pair.evidence()), pair.direction().label(), pair.centrality());
    }

    private static List<Evidence> evidence(List<io.tensionstreams.tagging.Evidence> spans) {
        return spans.stream().map(span -> new Evidence(span.text(), span.start(), span.end())).toList();
    }
}
