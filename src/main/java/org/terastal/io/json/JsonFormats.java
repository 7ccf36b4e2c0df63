package org.terastal.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * The JSON formats of the toolkit, told apart by their top-level {@code format} field, which is
 * read on its own before the rest of the file is parsed: a file of another format is reported as
 * such ("a sweep file, not an instance file"), not by the first field the expected format lacks,
 * and a file broken after its {@code format} field is still recognised.
 */
public final class JsonFormats {
    /** Instance files. */
    public static final String INSTANCE = "terastal-instance/1";
    /** Standalone model files. */
    public static final String MODEL = "terastal-model/1";
    /** Solution tables. */
    public static final String SOLUTION = "terastal-solution/1";
    /** Sweep files. */
    public static final String SWEEP = "terastal-sweep/1";
    /** Suite manifests ({@code suite.json}). */
    public static final String SUITE = "terastal-suite/1";
    /** Manifests of sweep output folders ({@code sweep-manifest.json}). */
    public static final String SWEEP_MANIFEST = "terastal-sweep-manifest/1";
    /** Summaries of simulate runs ({@code summary.json}). */
    public static final String SIM_SUMMARY = "terastal-sim-summary/1";

    /** What each family of formats (the tag before its version) is called in messages. */
    private static final Map<String, String> NOUNS = new LinkedHashMap<>();

    static {
        NOUNS.put(family(INSTANCE), "instance file");
        NOUNS.put(family(MODEL), "model file");
        NOUNS.put(family(SOLUTION), "solution table");
        NOUNS.put(family(SWEEP), "sweep file");
        NOUNS.put(family(SUITE), "suite manifest (suite.json)");
        NOUNS.put(family(SWEEP_MANIFEST), "sweep folder manifest (sweep-manifest.json)");
        NOUNS.put(family(SIM_SUMMARY), "simulation summary (summary.json)");
    }

    private JsonFormats() {
    }

    /**
     * The {@code format} field of a file and where its value starts.
     *
     * @param tag    the value
     * @param line   1-based line of the value
     * @param column 1-based column of the value
     */
    public record Found(String tag, int line, int column) {
    }

    /** The tag without its version: {@code terastal-sweep} of {@code terastal-sweep/1}. */
    public static String family(String tag) {
        int slash = tag.lastIndexOf('/');
        return slash < 0 ? tag : tag.substring(0, slash);
    }

    /** Whether {@code tag} belongs to the family of {@code format}, whatever its version. */
    public static boolean sameFamily(String tag, String format) {
        return tag != null && family(tag).equals(family(format));
    }

    /** The format field of a file; see {@link #formatOf(String, byte[])}. */
    public static Found formatOf(Path file) {
        return formatOf(file.toString(), InputFiles.readBytes(file));
    }

    /**
     * The top-level {@code format} field of a JSON text, or null when its object has none. Only what
     * comes before the field is parsed.
     *
     * @param name stands for the file in messages
     * @throws InputException naming the file when the text is not a JSON object up to that field
     */
    public static Found formatOf(String name, byte[] json) {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(name, "The file is empty; expected a JSON object");
        }
        try (JsonParser parser = InstanceFiles.MAPPER.getFactory().createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InputException(name, line(at), column(at), null, "Expected a JSON object with a \"format\" field; the file holds "
                        + (token == null ? "nothing" : parser.getText()));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("format".equals(field)) {
                    JsonLocation at = parser.currentTokenLocation();
                    if (value != JsonToken.VALUE_STRING) {
                        throw new InputException(name, line(at), column(at), "format", "The format (" + parser.getText()
                                + ") is not a string such as \"" + INSTANCE + "\"");
                    }
                    return new Found(parser.getText(), line(at), column(at));
                }
                parser.skipChildren();
            }
            return null;
        } catch (JsonProcessingException e) {
            throw InstanceFiles.translate(name, e);
        } catch (IOException e) {
            throw new InputException(name, "Cannot read the file: " + e.getMessage());
        }
    }

    /** Checks the format of a file; see {@link #require(String, byte[], String)}. */
    public static void require(Path file, String tag) {
        require(file.toString(), InputFiles.readBytes(file), tag);
    }

    /**
     * Checks that a JSON text is of the format {@code tag} (this very version) before the rest of it is read.
     *
     * @throws InputException naming the file, and the format it is of when it is another of the toolkit's
     */
    public static void require(String name, byte[] json, String tag) {
        Found found = formatOf(name, json);
        String noun = NOUNS.get(family(tag));
        if (found == null) {
            throw new InputException(name, "The file has no \"format\" field, which " + article(noun) + " starts with (\"format\": \""
                    + tag + "\"); maybe it is not " + article(noun));
        }
        if (found.tag().equals(tag)) {
            return;
        }
        String reason;
        String other = NOUNS.get(family(found.tag()));
        if (sameFamily(found.tag(), tag)) {
            reason = "The format (" + found.tag() + ") of the " + noun + " is not supported; this build reads " + tag
                    + "; maybe the file was written by another version of terastal";
        } else if (other != null) {
            reason = "The file is " + article(other) + " (" + found.tag() + "), not " + article(noun) + " (" + tag
                    + "); maybe the files were given in the wrong order";
        } else {
            reason = "The format (" + found.tag() + ") is not one of terastal's; " + article(noun) + " has the format " + tag;
        }
        throw new InputException(name, found.line(), found.column(), "format", reason);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return line(at) == 0 ? 0 : Math.max(at.getColumnNr(), 0);
    }
}
