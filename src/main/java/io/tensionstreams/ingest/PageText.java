package io.tensionstreams.ingest;

import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main text of a web page or an HTML snippet: the article (or main) element's paragraphs,
 * without navigation, scripts, styles, headers, footers, asides and forms.
 */
public final class PageText {
    private static final String CHROME = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template";

    private PageText() {
    }

    public static String of(String html, String baseUri) {
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        page.select(CHROME).remove();
        Element main = first(page, "article", "main", "[role=main]");
        Element scope = main != null ? main : page.body();
        if (scope == null) {
            return "";
        }
        return paragraphsOf(scope);
    }

    /** An HTML fragment (a feed's summary or content) as plain text. */
    public static String ofFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select(CHROME).remove();
        return paragraphsOf(fragment.body());
    }

    /** The element's paragraphs, a blank line apart; its whole text when it has none. */
    private static String paragraphsOf(Element scope) {
        Elements paragraphs = scope.select("p");
        String text = paragraphs.isEmpty() ? scope.text()
                : paragraphs.stream().map(Element::text).filter(p -> !p.isBlank()).collect(Collectors.joining("\n\n"));
        return text.strip();
    }

    private static Element first(Document page, String... selectors) {
        for (String selector : selectors) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
