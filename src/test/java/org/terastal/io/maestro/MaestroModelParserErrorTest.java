package org.terastal.io.maestro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.terastal.io.maestro.TestFiles.lines;

import org.junit.jupiter.api.Test;
import org.terastal.io.InputException;

/** Every rejection of the model parser, with its exact one-line message. */
class MaestroModelParserErrorTest {

    private static final String DIMS = "N: 1, K: 4, C: 2, Y: 8, X: 8, R: 3, S: 3";

    /** A four-line layer block, without a final line break. */
    private static String layer(String name) {
        return String.join("\n", "Layer " + name + " {", "  Type: CONV", "  Dimensions: { " + DIMS + " }", "}");
    }

    /** Network A with FPS on line 2 and layer l on lines 3-6 with the given dimensions on line 5. */
    private static String withDims(String dims) {
        return lines("Network A {", "FPS: 30", "Layer l {", "  Type: CONV", "  Dimensions: { " + dims + " }", "}", "}");
    }

    private static void assertError(String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> MaestroModelParser.parse("bad.m", text));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void keepsPositionAndPathInFields() {
        InputException e = assertThrows(InputException.class,
                () -> MaestroModelParser.parse("bad.m", withDims("N: 1, K: 0, C: 2, Y: 8, X: 8, R: 3, S: 3")));
        assertEquals("bad.m", e.file());
        assertEquals(5, e.line());
        assertEquals(26, e.column());
        assertEquals("Network A > Layer l > Dimensions.K", e.path());
        assertEquals("Dimension K must be a positive integer, found '0'", e.reason());
    }

    @Test
    void unknownKeys() {
        assertError(lines("Network A {", "Fps: 30", layer("l"), "}"),
                "bad.m:2:1: Unknown key 'Fps'; allowed keys in a network are FPS, Probability, Dependency, Layer (at Network A > Fps)");
        assertError(lines("Network A {", "Layer l {", "  Type: CONV", "  Dataflow { }", "}", "}"),
                "bad.m:4:3: Unknown key 'Dataflow'; allowed keys in a layer are Type, Dimensions, Stride "
                        + "(at Network A > Layer l > Dataflow)");
        assertError(withDims("G: 2, " + DIMS),
                "bad.m:5:17: Unknown dimension 'G'; allowed dimensions are N, K, C, Y, X, R, S (at Network A > Layer l > Dimensions.G)");
        assertError(lines("Network A {", "Layer l {", "  Type: CONV", "  Stride { Z: 2 }", "}", "}"),
                "bad.m:4:12: Unknown key 'Z'; allowed keys in a Stride block are X, Y (at Network A > Layer l > Stride > Z)");
    }

    @Test
    void missingParts() {
        assertError(withDims("N: 1, K: 4, C: 2, Y: 8, X: 8, S: 3"),
                "bad.m:5:3: Missing dimension R; Dimensions needs N, K, C, Y, X, R and S (at Network A > Layer l > Dimensions.R)");
        assertError(lines("Network A {", "Layer l {", "  Dimensions: { " + DIMS + " }", "}", "}"),
                "bad.m:2:1: The layer has no Type; give one of CONV, DSCONV, FC (at Network A > Layer l > Type)");
        assertError(lines("Network A {", "Layer l {", "  Type: CONV", "}", "}"),
                "bad.m:2:1: The layer has no Dimensions; give N, K, C, Y, X, R and S (at Network A > Layer l > Dimensions)");
        assertError(lines("Network A {", "FPS: 30", "}"),
                "bad.m:1:1: The network has no layers; give at least one 'Layer NAME { ... }' (at Network A)");
        assertError("", "bad.m:1:1: No network found; a MAESTRO model file holds one or more 'Network NAME { ... }' blocks");
        assertError(lines("// nothing here"),
                "bad.m:2:1: No network found; a MAESTRO model file holds one or more 'Network NAME { ... }' blocks");
        assertError(lines("Network {"), "bad.m:1:9: Expected a network name after 'Network', found '{'");
        assertError(lines("Network A {", "Layer l {", "  Type:", "}", "}"),
                "bad.m:4:1: Expected a value for Type, found '}' (at Network A > Layer l > Type)");
    }

    @Test
    void badDimensionValues() {
        assertError(withDims("N: 1, K: 3.5, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:26: Dimension K must be a positive integer, found '3.5' (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1, K: 0, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:26: Dimension K must be a positive integer, found '0' (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1, K: -4, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:26: Dimension K must be a positive integer, found '-4' (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1, K: 99999999999, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:26: Dimension K (99999999999) is too large; at most 2147483647 (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1, K 4, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:25: Expected ':' after K, found '4' (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1, K: 4, K: 4, C: 2, Y: 8, X: 8, R: 3, S: 3"),
                "bad.m:5:29: Duplicate key 'K'; the first is at 5:23 (at Network A > Layer l > Dimensions.K)");
        assertError(withDims("N: 1; K: 4"),
                "bad.m:5:21: Expected a dimension (N, K, C, Y, X, R, S) or '}', found ';' (at Network A > Layer l > Dimensions)");
    }

    @Test
    void badLayerTypeAndGeometry() {
        assertError(lines("Network A {", "Layer l {", "  Type: GEMM", "}", "}"),
                "bad.m:3:9: Unknown layer type 'GEMM'; allowed types are CONV, DSCONV, FC (at Network A > Layer l > Type)");
        assertError(lines("Network A {", "Layer fc {", "  Type: FC", "  Dimensions: { " + DIMS + " }", "}", "}"),
                "bad.m:2:1: The filter R x S (3 x 3) of FC layer 'fc' must be 1 x 1; maybe the layer is a CONV (at Network A > Layer fc)");
        assertError(lines("Network A {", "Layer l {", "  Type: CONV", "  Stride { X: 2, Y: 1 }", "  Dimensions: { " + DIMS + " }", "}", "}"),
                "bad.m:4:3: Stride X (2) and Y (1) differ; Terastal models one stride for both directions (at Network A > Layer l > Stride)");
        assertError(lines("Network A {", "Layer l {", "  Type: CONV", "  Type: DSCONV", "}", "}"),
                "bad.m:4:3: Duplicate key 'Type'; the first is at 3:3 (at Network A > Layer l > Type)");
    }

    @Test
    void duplicateNames() {
        assertError(lines("Network A {", layer("l"), layer("l"), "}"),
                "bad.m:6:7: Duplicate layer 'l'; the first is at 2:7 (at Network A > Layer l)");
        assertError(lines("Network A {", layer("l"), "}", "Network A {", layer("l"), "}"),
                "bad.m:7:9: Duplicate network 'A'; the first is at 1:9 (at Network A)");
        assertError(lines("Network A {", "FPS: 30", "FPS: 60", layer("l"), "}"),
                "bad.m:3:1: Duplicate key 'FPS'; the first is at 2:1 (at Network A > FPS)");
    }

    @Test
    void badFpsAndProbability() {
        assertError(lines("Network A {", "FPS: sixty", layer("l"), "}"),
                "bad.m:2:6: FPS must be a decimal number, found 'sixty' (at Network A > FPS)");
        assertError(lines("Network A {", "FPS: 0", layer("l"), "}"),
                "bad.m:2:6: FPS must be positive, found '0' (at Network A > FPS)");
        String parent = lines("Network P {", layer("l"), "}");
        assertError(parent + lines("Network A {", "Dependency: { P }", "Probability: 1.5", layer("l"), "}"),
                "bad.m:9:14: Probability must be in (0, 1], found '1.5' (at Network A > Probability)");
        assertError(parent + lines("Network A {", "Dependency: { P }", "Probability: 0.0", layer("l"), "}"),
                "bad.m:9:14: Probability must be in (0, 1], found '0.0' (at Network A > Probability)");
        assertError(lines("Network A {", "Probability: 0.5", layer("l"), "}"),
                "bad.m:2:14: Probability is given without a Dependency; a probability applies to a cascade only "
                        + "(at Network A > Probability)");
    }

    @Test
    void badDependencies() {
        assertError(lines("Network B {", "Dependency: {", "\tZ\t", "}", layer("l"), "}"),
                "bad.m:3:2: Dependency names an unknown network 'Z'; networks in this file are B (at Network B > Dependency)");
        assertError(lines("Network A {", "Dependency: { B }", layer("l"), "}", "Network B {", "Dependency: { A }", layer("l"), "}"),
                "bad.m:2:15: Dependencies form a cycle: A -> B -> A (at Network A > Dependency)");
        assertError(lines("Network A {", "Dependency: { A }", layer("l"), "}"),
                "bad.m:2:15: Dependency names the network itself; a cascade needs another parent network (at Network A > Dependency)");
        assertError(lines("Network A {", "Dependency: { B, C }", layer("l"), "}"),
                "bad.m:2:1: Dependency must name exactly one parent network, found 2 (B, C) (at Network A > Dependency)");
        assertError(lines("Network A {", "Dependency: { }", layer("l"), "}"),
                "bad.m:2:1: Dependency must name exactly one parent network, found 0 (at Network A > Dependency)");
    }

    @Test
    void unterminatedBlocksFailAtTheEndOfTheFile() {
        assertError(lines("Network A {", "FPS: 30", layer("l")),
                "bad.m:7:1: Unexpected end of file: the '{' opened at 1:11 is not closed (at Network A)");
        assertError("Network A {\nLayer l {\n  Type: CONV\n  Dimensions: { N: 1, K: 4",
                "bad.m:4:27: Unexpected end of file: the '{' opened at 4:15 is not closed (at Network A > Layer l > Dimensions)");
        assertError(lines("Network A {", "Dependency: {", "  P"),
                "bad.m:4:1: Unexpected end of file: the '{' opened at 2:13 is not closed (at Network A > Dependency)");
    }

    @Test
    void strayTopLevelContent() {
        assertError(layer("l"), "bad.m:1:1: Expected 'Network' at the top level, found 'Layer'");
        assertError(lines("Network A {", layer("l"), "}", "}"), "bad.m:7:1: Expected 'Network' at the top level, found '}'");
        assertError(lines("Network A {", layer("l"), ": 3"), "bad.m:6:1: Expected a key (FPS, Probability, Dependency, Layer) "
                + "or '}', found ':' (at Network A)");
    }
}
