package org.terastal.io.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.terastal.domain.DomainException;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * Reads and writes instance files ({@value #INSTANCE_FORMAT}) and standalone model files
 * ({@value #MODEL_FORMAT}). Every failure becomes one {@link InputException} naming the file,
 * line:column and field path. Writing uses the canonical layout of {@link JsonPrinter}.
 */
public final class InstanceFiles {
    /** Format tag of instance files. */
    public static final String INSTANCE_FORMAT = JsonFormats.INSTANCE;
    /** Format tag of standalone model files. */
    public static final String MODEL_FORMAT = JsonFormats.MODEL;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // a null in a list ([1, null]) is no value of the list's type
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(ValidatingDeserializer.module())
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    private InstanceFiles() {
    }

    /** Reads an instance file. */
    public static Instance read(Path file) {
        return parse(file.toString(), InputFiles.readBytes(file), Dtos.InstanceJson.class, INSTANCE_FORMAT).toDomain();
    }

    /** Reads an instance from text; {@code name} stands for the file in messages. */
    public static Instance parse(String name, String json) {
        return parse(name, json.getBytes(StandardCharsets.UTF_8), Dtos.InstanceJson.class, INSTANCE_FORMAT).toDomain();
    }

    /** Reads a standalone model file. */
    public static Model readModel(Path file) {
        return parse(file.toString(), InputFiles.readBytes(file), Dtos.ModelJson.class, MODEL_FORMAT).toDomain();
    }

    /** Canonical JSON text of an instance. */
    public static String toJson(Instance instance) {
        return JsonPrinter.print(MAPPER.valueToTree(Dtos.InstanceJson.of(instance)));
    }

    /** Canonical JSON text of a standalone model file. */
    public static String toJson(Model model) {
        return JsonPrinter.print(MAPPER.valueToTree(Dtos.ModelJson.of(model, MODEL_FORMAT)));
    }

    /** Writes an instance file atomically. */
    public static void write(Path file, Instance instance) {
        AtomicFiles.write(file, toJson(instance));
    }

    /** Writes a model file atomically. */
    public static void write(Path file, Model model) {
        AtomicFiles.write(file, toJson(model));
    }

    /** SHA-256 of the canonical JSON of an instance, as {@code sha256:<hex>}: solutions name the instance they solve by it. */
    public static String checksum(Instance instance) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson(instance).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Parses a JSON text of the format {@code format} (checked first: {@link JsonFormats#require}) into a JSON shape. */
    static <T> T parse(String name, byte[] json, Class<T> type, String format) {
        JsonFormats.require(name, json, format);
        refuseNulls(name, json, format);
        try (InputStream in = new java.io.ByteArrayInputStream(json)) {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new InputException(name, "The file holds no JSON object (it is empty or 'null')");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(name, e);
        } catch (IOException e) {
            throw new InputException(name, "Cannot read the file: " + e.getMessage());
        }
    }

    /**
     * A field given as null is refused wherever the format's schema refuses it (everywhere but a suite
     * manifest's {@code balancedBound}): the records the files are read into cannot tell null from
     * left out, so an optional field would silently take its default, and a required one would be
     * called missing although it is there. Nulls inside lists are refused by the mapper. A file that
     * is not JSON up to its first null is left to the mapper, which names what is wrong.
     */
    private static void refuseNulls(String name, byte[] json, String format) {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NULL || !p.getParsingContext().inObject()) {
                    continue;
                }
                String field = p.currentName();
                if (format.equals(JsonFormats.SUITE) && field.equals("balancedBound")) {
                    continue;
                }
                JsonLocation at = p.currentTokenLocation();
                throw new InputException(name, at.getLineNr(), at.getColumnNr(), path(p.getParsingContext()),
                        "The field '" + field + "' is null; give it a value, or leave it out if it is optional (it then takes its default)");
            }
        } catch (IOException e) {
            // not JSON up to a null: the mapper reports what is wrong
        }
    }

    /** The field path of the parser's place, as the mapper's messages write it ({@code sets[2].tasks[0].fps}). */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(c.getCurrentIndex()).append(']');
            } else {
                sb.append(sb.length() > 0 ? "." : "").append(c.getCurrentName());
            }
        }
        return sb.toString();
    }

    /** Turns Jackson's failure into one message naming file, place, field path and the problem. */
    static InputException translate(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
        int col = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
        String path = null;
        String detail;
        if (e instanceof JsonMappingException jm) {
            path = renderPath(jm.getPath());
        }
        if (e instanceof ValidatingDeserializer.DomainProblem problem) {
            detail = problem.domainCause().getMessage();
            path = join(path, problem.domainCause().path());
        } else if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            detail = "Unknown field '" + u.getPropertyName() + "'; known fields here are " + known + "; maybe a typo";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            detail = "The value (" + f.getValue() + ") is not a valid " + f.getTargetType().getSimpleName() + "; expected one of " + allowed;
        } else if (e instanceof InvalidNullException n) {
            // a null list entry, or null for a field that takes none
            detail = path != null && path.endsWith("]") ? "Expected " + describe(n.getTargetType()) + " here, found null; a list holds no nulls"
                    : "Found null; leave the field out or give " + describe(n.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            detail = "Expected " + describe(m.getTargetType()) + " here; " + withoutJavaTypes(firstSentence(m.getOriginalMessage())
                    .replaceAll(" \\(but [^)]*\\)", ""));
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            detail = "Malformed JSON: " + firstSentence(parse.getOriginalMessage());
        } else if (e instanceof JsonMappingException) {
            detail = firstSentence(e.getOriginalMessage());
        } else {
            detail = "Malformed JSON: " + firstSentence(e.getOriginalMessage());
        }
        return new InputException(file, line, col, path, detail);
    }

    /** Jackson's words for the user: a list or an object instead of the Java types that hold them, no parser tokens. */
    private static String withoutJavaTypes(String message) {
        return message.replaceAll(" \\(token `[^`]*`\\)", "")
                .replaceAll("Cannot construct instance of `[^`]*`(?: \\(although at least one Creator exists\\))?: no [\\w-]+ constructor/factory"
                        + " method to deserialize from \\w+ value \\(([^)]*)\\)", "found $1")
                .replaceAll("value of type `[^`]*(List|Set)<[^`]*>`", "a list")
                .replaceAll("value of type `[^`]*Map<[^`]*>`", "an object")
                .replaceAll("`java\\.lang\\.(\\w+)`", "$1")
                .replaceAll("value of type `[\\w.$]*\\.[\\w.$]*`", "an object");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        // Jackson appends where an object started as "[Source: REDACTED ...]": the line:col prefix says it better
        return (nl < 0 ? message : message.substring(0, nl)).replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").trim();
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        return b.startsWith("[") ? a + b : a + "." + b;
    }

    static String renderPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
