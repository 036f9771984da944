package io.tensionstreams.tagging;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds the line where a YAML value starts, given the path Jackson reports for a fault. Jackson
 * reports a fault raised while building an object at the object's end; a person wants its start.
 */
final class YamlLocator {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlLocator() {
    }

    /** The 1-based line of the value at {@code path}, or -1 when it cannot be found. */
    static int lineOf(String yaml, List<JsonMappingException.Reference> path) {
        List<String> target = new ArrayList<>();
        path.forEach(reference -> target.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]"));
        try (JsonParser parser = YAML.createParser(yaml)) {
            Deque<String> current = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String step = stepOf(parser, indexes);
                if (step != null) {
                    current.addLast(step);
                }
                if (new ArrayList<>(current).equals(target)) {
                    return parser.currentTokenLocation().getLineNr();
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    indexes.push(token == JsonToken.START_ARRAY ? 0 : -1);
                } else {
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        indexes.pop();
                        popStep(current, indexes);
                    } else {
                        popStep(current, indexes);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A key given twice in one mapping, at the line of its second occurrence. */
    record DuplicateKey(String key, int line) {
    }

    /** The first key given twice in the same mapping, if any; a file that does not parse has none here (the reader reports it). */
    static java.util.Optional<DuplicateKey> firstDuplicateKey(String yaml) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            Deque<java.util.Set<String>> keys = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    keys.push(new java.util.HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    keys.pop();
                } else if (token == JsonToken.FIELD_NAME && !keys.isEmpty() && !keys.peek().add(parser.currentName())) {
                    return java.util.Optional.of(new DuplicateKey(parser.currentName(), parser.currentTokenLocation().getLineNr()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    private static String stepOf(JsonParser parser, Deque<Integer> indexes) throws IOException {
        if (parser.currentToken() == JsonToken.END_OBJECT || parser.currentToken() == JsonToken.END_ARRAY) {
            return null;
        }
        if (indexes.isEmpty()) {
            return null;
        }
        int index = indexes.peek();
        if (index >= 0) {
            indexes.pop();
            indexes.push(index + 1);
            return "[" + index + "]";
        }
        return parser.currentName();
    }

    private static void popStep(Deque<String> current, Deque<Integer> indexes) {
        if (!current.isEmpty()) {
            current.removeLast();
        }
    }
}
