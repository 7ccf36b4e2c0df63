package org.terastal.io.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a JSON tree in the project's canonical layout: two-space indent, and any object or
 * array whose members are all scalars (or lists of scalars) on one line. Layers and accuracy rows then
 * take a line each, which keeps model files readable and diffs small. The layout is a pure
 * function of the tree, so reading and writing a canonical file gives the same bytes.
 */
public final class JsonPrinter {
    private JsonPrinter() {
    }

    public static String print(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        sb.append('\n');
        return sb.toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder sb) {
        String inline = inline(node);
        if (inline != null) {
            sb.append(inline);
            return;
        }
        if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                newline(sb, indent + 2);
                sb.append(scalar(TextNode.valueOf(e.getKey()))).append(": ");
                write(e.getValue(), indent + 2, sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(sb, indent);
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(sb, indent + 2);
                write(node.get(i), indent + 2, sb);
                if (i + 1 < node.size()) {
                    sb.append(',');
                }
            }
            newline(sb, indent);
            sb.append(']');
        } else {
            sb.append(scalar(node));
        }
    }

    /** One-line form of a node whose members are scalars (or scalar arrays), else null. */
    private static String inline(JsonNode node) {
        if (node.isValueNode()) {
            return scalar(node);
        }
        StringBuilder sb = new StringBuilder();
        if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = e.getValue().isContainerNode() ? inlineScalarArray(e.getValue()) : scalar(e.getValue());
                if (v == null) {
                    return null;
                }
                sb.append(scalar(TextNode.valueOf(e.getKey()))).append(": ").append(v);
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        return inlineScalarArray(node);
    }

    private static String inlineScalarArray(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isValueNode()) {
                return null;
            }
            sb.append(scalar(node.get(i)));
            if (i + 1 < node.size()) {
                sb.append(", ");
            }
        }
        return sb.append(']').toString();
    }

    private static String scalar(JsonNode node) {
        return node.isNull() ? "null" : node.toString();
    }

    private static void newline(StringBuilder sb, int indent) {
        sb.append('\n');
        sb.append(" ".repeat(indent));
    }
}
