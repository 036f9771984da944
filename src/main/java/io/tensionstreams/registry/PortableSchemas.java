package io.tensionstreams.registry;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * The schema a record is registered under, without the properties only Java's generated classes
 * read: {@code "avro.java.string":"String"} on every string. A JavaScript, Python or Go client that
 * registers the project's {@code .avsc} files then lands on the same id as the Java publisher,
 * instead of a second version with the same meaning. This is what Confluent's serializer does with
 * {@code avro.remove.java.properties=true}. The records are written the same either way.
 */
final class PortableSchemas {
    /** Properties that mean something to Avro's Java code generation only. */
    private static final String JAVA_STRING = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Schema, Schema> portable = new ConcurrentHashMap<>();

    /** The schema without Java-only properties; computed once per schema, as the serializer asks for every record. */
    Schema of(Schema schema) {
        return portable.computeIfAbsent(schema, PortableSchemas::strip);
    }

    static Schema strip(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            removeJavaProperties(tree);
            return new Schema.Parser().parse(tree.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read schema " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private static void removeJavaProperties(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            removeJavaProperties(children.next());
        }
    }
}
