package org.terastal.io.maestro;

import static org.terastal.io.maestro.MaestroTokens.describe;
import static org.terastal.io.maestro.MaestroTokens.position;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.terastal.domain.LayerType;
import org.terastal.io.InputException;
import org.terastal.io.maestro.MaestroTokens.Kind;
import org.terastal.io.maestro.MaestroTokens.Token;

/**
 * Reads MAESTRO model files, with the lines XRBench adds to each network:
 *
 * <pre>
 * Network GE_FBNet_C {
 * Dependency: {
 *     ES_RITNet
 * }
 * Probability: 1.0
 * FPS: 60
 * Layer conv1 {
 *     Type: CONV
 *     Dimensions: { N: 1, K: 16, C: 3, Y: 160, X: 100, R: 3, S: 3 }
 * }
 * }
 * </pre>
 *
 * <p>Network items may come in any order, dimensions too; the colon before a block and the
 * commas between dimensions are optional, as in MAESTRO's own files; {@code //} starts a
 * comment. A plain MAESTRO file has no FPS. Layer types are CONV, DSCONV and FC, dimensions
 * N K C Y X R S are all required, and a layer may have a {@code Stride { X: s, Y: s }} block
 * (see {@link MaestroLayer} for the geometry). Anything else is rejected with an
 * {@link InputException} giving file, line, column and a path such as
 * {@code Network GE_FBNet_C > Layer conv1 > Dimensions.K}, so no input is silently ignored.
 */
public final class MaestroModelParser {

    private static final List<String> NETWORK_KEYS = List.of("FPS", "Probability", "Dependency", "Layer");
    private static final List<String> LAYER_KEYS = List.of("Type", "Dimensions", "Stride");
    private static final List<String> DIMENSIONS = List.of("N", "K", "C", "Y", "X", "R", "S");
    private static final List<String> STRIDE_KEYS = List.of("X", "Y");

    /** A parsed network with the tokens that later whole-file checks point at. */
    private record Parsed(MaestroNetwork network, Token dependencyAt) {
    }

    private MaestroModelParser() {
    }

    /**
     * Reads a model file (UTF-8); errors name the file as {@code file.toString()}.
     *
     * @throws InputException when the content is not a valid model file
     * @throws IOException    when the file cannot be read
     */
    public static MaestroScenario parse(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    /**
     * Parses the text of a model file.
     *
     * @param fileName the file name to report in errors, as the user gave it
     * @param text     the content
     * @throws InputException when the content is not a valid model file
     */
    public static MaestroScenario parse(String fileName, String text) {
        MaestroTokens tokens = new MaestroTokens(fileName, text);
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        while (tokens.peek().kind() != Kind.END) {
            Token keyword = tokens.peek();
            if (!keyword.isWord("Network")) {
                throw tokens.error(keyword, null, "Expected 'Network' at the top level, found " + describe(keyword));
            }
            tokens.take();
            Token name = tokens.expect(Kind.WORD, "a network name after 'Network'", null);
            Token first = names.putIfAbsent(name.text(), name);
            if (first != null) {
                throw tokens.error(name, "Network " + name.text(),
                        "Duplicate network '" + name.text() + "'; the first is at " + position(first));
            }
            parsed.add(network(tokens, keyword, name));
        }
        if (parsed.isEmpty()) {
            throw tokens.error(tokens.peek(), null, "No network found; a MAESTRO model file holds one or more "
                    + "'Network NAME { ... }' blocks");
        }
        List<MaestroNetwork> networks = parsed.stream().map(Parsed::network).toList();
        checkDependencies(tokens, parsed, networks);
        return new MaestroScenario(networks);
    }

    private static Parsed network(MaestroTokens tokens, Token keyword, Token name) {
        String path = "Network " + name.text();
        Token open = tokens.expect(Kind.OPEN, "'{' after the network name", path);
        Map<String, Token> keys = new HashMap<>();
        Map<String, Token> layerNames = new HashMap<>();
        List<MaestroLayer> layers = new ArrayList<>();
        Double fps = null;
        Double probability = null;
        Token probabilityAt = null;
        Token dependency = null;
        while (tokens.inBlock(open, path)) {
            Token key = tokens.key(NETWORK_KEYS, "a network", path);
            String keyPath = path + " > " + key.text();
            if (key.isWord("Layer")) {
                Token layerName = tokens.expect(Kind.WORD, "a layer name after 'Layer'", path);
                Token firstLayer = layerNames.putIfAbsent(layerName.text(), layerName);
                if (firstLayer != null) {
                    throw tokens.error(layerName, path + " > Layer " + layerName.text(),
                            "Duplicate layer '" + layerName.text() + "'; the first is at " + position(firstLayer));
                }
                layers.add(layer(tokens, key, layerName, path + " > Layer " + layerName.text()));
                continue;
            }
            rejectDuplicate(tokens, keys, key, keyPath);
            switch (key.text()) {
                case "FPS" -> {
                    Token value = tokens.value(key, keyPath);
                    fps = tokens.decimal(value, "FPS", keyPath);
                    if (fps == 0) {
                        throw tokens.error(value, keyPath, "FPS must be positive, found '" + value.text() + "'");
                    }
                }
                case "Probability" -> {
                    probabilityAt = tokens.value(key, keyPath);
                    probability = tokens.decimal(probabilityAt, "Probability", keyPath);
                    if (probability == 0 || probability > 1) {
                        throw tokens.error(probabilityAt, keyPath,
                                "Probability must be in (0, 1], found '" + probabilityAt.text() + "'");
                    }
                }
                default -> dependency = dependency(tokens, key, name, keyPath);
            }
        }
        if (layers.isEmpty()) {
            throw tokens.error(keyword, path, "The network has no layers; give at least one 'Layer NAME { ... }'");
        }
        if (probabilityAt != null && dependency == null) {
            throw tokens.error(probabilityAt, path + " > Probability",
                    "Probability is given without a Dependency; a probability applies to a cascade only");
        }
        return new Parsed(new MaestroNetwork(name.text(), fps, probability, dependency == null ? null : dependency.text(), layers),
                dependency);
    }

    /** Reads {@code Dependency: { PARENT }} and answers the parent's token. */
    private static Token dependency(MaestroTokens tokens, Token key, Token network, String path) {
        tokens.skip(Kind.COLON);
        Token open = tokens.expect(Kind.OPEN, "'{' after Dependency", path);
        List<Token> parents = new ArrayList<>();
        while (tokens.inBlock(open, path)) {
            parents.add(tokens.expect(Kind.WORD, "a parent network name or '}'", path));
            tokens.skip(Kind.COMMA);
        }
        if (parents.size() != 1) {
            throw tokens.error(key, path, "Dependency must name exactly one parent network, found " + parents.size()
                    + (parents.isEmpty() ? "" : " (" + String.join(", ", parents.stream().map(Token::text).toList()) + ")"));
        }
        Token parent = parents.get(0);
        if (parent.text().equals(network.text())) {
            throw tokens.error(parent, path, "Dependency names the network itself; a cascade needs another parent network");
        }
        return parent;
    }

    private static MaestroLayer layer(MaestroTokens tokens, Token keyword, Token name, String path) {
        Token open = tokens.expect(Kind.OPEN, "'{' after the layer name", path);
        Map<String, Token> keys = new HashMap<>();
        LayerType type = null;
        Map<String, Integer> dims = null;
        int stride = 1;
        while (tokens.inBlock(open, path)) {
            Token key = tokens.key(LAYER_KEYS, "a layer", path);
            String keyPath = path + " > " + key.text();
            rejectDuplicate(tokens, keys, key, keyPath);
            switch (key.text()) {
                case "Type" -> type = type(tokens, tokens.value(key, keyPath), keyPath);
                case "Dimensions" -> dims = dimensions(tokens, key, path);
                default -> stride = stride(tokens, key, path);
            }
        }
        if (type == null) {
            throw tokens.error(keyword, path + " > Type", "The layer has no Type; give one of CONV, DSCONV, FC");
        }
        if (dims == null) {
            throw tokens.error(keyword, path + " > Dimensions", "The layer has no Dimensions; give N, K, C, Y, X, R and S");
        }
        try {
            return new MaestroLayer(name.text(), type, dims.get("N"), dims.get("K"), dims.get("C"), dims.get("Y"),
                    dims.get("X"), dims.get("R"), dims.get("S"), stride);
        } catch (IllegalArgumentException e) {
            // Only the cross-field rules (FC filter size) remain; every single value was checked where it stands.
            throw tokens.error(keyword, path, e.getMessage());
        }
    }

    private static LayerType type(MaestroTokens tokens, Token value, String path) {
        for (LayerType type : LayerType.values()) {
            if (type.name().equals(value.text())) {
                return type;
            }
        }
        throw tokens.error(value, path, "Unknown layer type '" + value.text() + "'; allowed types are CONV, DSCONV, FC");
    }

    private static Map<String, Integer> dimensions(MaestroTokens tokens, Token key, String layerPath) {
        String path = layerPath + " > Dimensions";
        tokens.skip(Kind.COLON);
        Token open = tokens.expect(Kind.OPEN, "'{' after Dimensions", path);
        Map<String, Token> seen = new HashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        while (tokens.inBlock(open, path)) {
            Token dim = tokens.peek();
            if (dim.kind() != Kind.WORD) {
                throw tokens.error(dim, path, "Expected a dimension (N, K, C, Y, X, R, S) or '}', found " + describe(dim));
            }
            String dimPath = path + "." + dim.text();
            if (!DIMENSIONS.contains(dim.text())) {
                throw tokens.error(dim, dimPath, "Unknown dimension '" + dim.text() + "'; allowed dimensions are N, K, C, Y, X, R, S");
            }
            tokens.take();
            rejectDuplicate(tokens, seen, dim, dimPath);
            values.put(dim.text(), tokens.integer(tokens.value(dim, dimPath), "Dimension " + dim.text(), 1, dimPath));
            tokens.skip(Kind.COMMA);
        }
        for (String dim : DIMENSIONS) {
            if (!values.containsKey(dim)) {
                throw tokens.error(key, path + "." + dim, "Missing dimension " + dim + "; Dimensions needs N, K, C, Y, X, R and S");
            }
        }
        return values;
    }

    private static int stride(MaestroTokens tokens, Token key, String layerPath) {
        String path = layerPath + " > Stride";
        tokens.skip(Kind.COLON);
        Token open = tokens.expect(Kind.OPEN, "'{' after Stride", path);
        Map<String, Token> seen = new HashMap<>();
        Map<String, Integer> values = new HashMap<>();
        while (tokens.inBlock(open, path)) {
            Token axis = tokens.key(STRIDE_KEYS, "a Stride block", path);
            String axisPath = path + "." + axis.text();
            rejectDuplicate(tokens, seen, axis, axisPath);
            values.put(axis.text(), tokens.integer(tokens.value(axis, axisPath), "Stride " + axis.text(), 1, axisPath));
            tokens.skip(Kind.COMMA);
        }
        int x = values.getOrDefault("X", 1);
        int y = values.getOrDefault("Y", 1);
        if (x != y) {
            throw tokens.error(key, path, "Stride X (" + x + ") and Y (" + y + ") differ; Terastal models one stride for both directions");
        }
        return x;
    }

    private static void rejectDuplicate(MaestroTokens tokens, Map<String, Token> seen, Token key, String path) {
        Token first = seen.putIfAbsent(key.text(), key);
        if (first != null) {
            throw tokens.error(key, path, "Duplicate key '" + key.text() + "'; the first is at " + position(first));
        }
    }

    private static void checkDependencies(MaestroTokens tokens, List<Parsed> parsed, List<MaestroNetwork> networks) {
        Map<String, MaestroNetwork> byName = new HashMap<>();
        networks.forEach(n -> byName.put(n.name(), n));
        for (Parsed p : parsed) {
            if (p.dependencyAt() != null && !byName.containsKey(p.dependencyAt().text())) {
                throw tokens.error(p.dependencyAt(), "Network " + p.network().name() + " > Dependency", "Dependency names an unknown network '"
                        + p.dependencyAt().text() + "'; networks in this file are " + MaestroScenario.names(networks));
            }
        }
        for (Parsed p : parsed) {
            List<String> cycle = MaestroScenario.dependencyCycle(p.network().name(), byName);
            if (!cycle.isEmpty()) {
                throw tokens.error(p.dependencyAt(), "Network " + p.network().name() + " > Dependency",
                        "Dependencies form a cycle: " + String.join(" -> ", cycle));
            }
        }
    }
}
