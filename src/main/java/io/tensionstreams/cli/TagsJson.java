package io.tensionstreams.cli;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tensionstreams.tagging.ArticleTags;
import io.tensionstreams.tagging.Evidence;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.tagging.ThemeMatch;

/** The JSON form of a tagging result, as DESIGN.md's {@code tension tag --format jsonl} contract gives it. */
final class TagsJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private TagsJson() {
    }

    static ObjectNode of(String id, ArticleTags tags) {
        ObjectNode node = JSON.createObjectNode().put("id", id);
        themes(node.putArray("themes"), tags.themes());
        themes(node.putArray("mentions"), tags.mentions());
        ArrayNode pairs = node.putArray("pairs");
        for (PairMatch pair : tags.pairs()) {
            ObjectNode item = pairs.addObject().put("pair", pair.pair()).put("tension", round(pair.tension()))
                    .put("escalation", round(pair.escalation())).put("deescalation", round(pair.deescalation()));
            ArrayNode pairThemes = item.putArray("themes");
            pair.themes().forEach(pairThemes::add);
            item.put("direction", pair.direction().label());
            evidence(item.putArray("evidence"), pair.evidence());
        }
        node.put("direction", tags.direction().label());
        return node;
    }

    private static void themes(ArrayNode array, List<ThemeMatch> themes) {
        for (ThemeMatch theme : themes) {
            ObjectNode item = array.addObject().put("theme", theme.theme()).put("score", theme.score());
            evidence(item.putArray("evidence"), theme.evidence());
        }
    }

    private static void evidence(ArrayNode array, List<Evidence> evidence) {
        for (Evidence span : evidence) {
            array.addObject().put("text", span.text()).put("start", span.start()).put("end", span.end());
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
