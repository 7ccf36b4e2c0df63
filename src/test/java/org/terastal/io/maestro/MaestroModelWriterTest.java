package org.terastal.io.maestro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.terastal.io.maestro.TestFiles.lines;
import static org.terastal.io.maestro.TestFiles.scenario;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.terastal.domain.LayerType;

class MaestroModelWriterTest {

    private static final MaestroScenario CASCADE = new MaestroScenario(List.of(
            new MaestroNetwork("ES_RITNet", 60.0, null, null, List.of(
                    new MaestroLayer("conv1", LayerType.CONV, 1, 32, 32, 160, 100, 3, 3, 1))),
            new MaestroNetwork("GE_FBNet_C", 7.5, 0.25, "ES_RITNet", List.of(
                    new MaestroLayer("dw", LayerType.DSCONV, 1, 1, 16, 80, 50, 3, 3, 2),
                    new MaestroLayer("fc", LayerType.FC, 2, 1000, 1984, 1, 1, 1, 1, 1))),
            new MaestroNetwork("Plain", null, null, null, List.of(
                    new MaestroLayer("l", LayerType.CONV, 1, 4, 2, 8, 8, 3, 3, 1))),
            new MaestroNetwork("Child", 30.0, null, "Plain", List.of(
                    new MaestroLayer("l", LayerType.CONV, 1, 4, 2, 8, 8, 3, 3, 1)))));

    @Test
    void writesXrbenchLayout() {
        assertEquals(lines(
                "// made for a test",
                "",
                "Network ES_RITNet {",
                "FPS: 60",
                "",
                "Layer conv1 {",
                "\tType: CONV",
                "\tDimensions: { N: 1, K: 32, C: 32, Y: 160, X: 100, R: 3, S: 3 }",
                "}",
                "}",
                "",
                "Network GE_FBNet_C {",
                "Dependency: {",
                "\tES_RITNet",
                "}",
                "Probability: 0.25",
                "FPS: 7.5",
                "",
                "Layer dw {",
                "\tType: DSCONV",
                "\tStride { X: 2, Y: 2 }",
                "\tDimensions: { N: 1, K: 1, C: 16, Y: 80, X: 50, R: 3, S: 3 }",
                "}",
                "",
                "Layer fc {",
                "\tType: FC",
                "\tDimensions: { N: 2, K: 1000, C: 1984, Y: 1, X: 1, R: 1, S: 1 }",
                "}",
                "}",
                "",
                "Network Plain {",
                "",
                "Layer l {",
                "\tType: CONV",
                "\tDimensions: { N: 1, K: 4, C: 2, Y: 8, X: 8, R: 3, S: 3 }",
                "}",
                "}",
                "",
                "Network Child {",
                "Dependency: {",
                "\tPlain",
                "}",
                "FPS: 30",
                "",
                "Layer l {",
                "\tType: CONV",
                "\tDimensions: { N: 1, K: 4, C: 2, Y: 8, X: 8, R: 3, S: 3 }",
                "}",
                "}"), MaestroModelWriter.write(CASCADE, List.of("made for a test")));
    }

    @Test
    void roundTripsEveryField() {
        assertEquals(CASCADE, MaestroModelParser.parse("out.m", MaestroModelWriter.write(CASCADE, List.of())));
    }

    @Test
    void roundTripsTheRealScenariosAndTheExcerpt() {
        for (String file : List.of("AR_gaming.m", "VR_gaming.m", "social_interactionA.m", "social_interactionB.m",
                "VR_gaming_excerpt.m")) {
            MaestroScenario original = scenario(file);
            assertEquals(original, MaestroModelParser.parse(file, MaestroModelWriter.write(original, List.of("again"))), file);
        }
    }

    @Test
    void rejectsMultiLineComments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaestroModelWriter.write(CASCADE, List.of("one\ntwo")));
        assertEquals("A header comment holds a line break; give one list entry per line", e.getMessage());
    }

    @Test
    void recordsRefuseWhatCouldNotBeWrittenOrReadBack() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> new MaestroLayer("conv 1", LayerType.CONV, 1, 4, 2, 8, 8, 3, 3, 1));
        assertEquals("The layer name 'conv 1' cannot be written in MAESTRO format; use a non-empty name without white space, "
                + "braces, ':', ',', ';' or '//'", name.getMessage());
        MaestroNetwork orphan = new MaestroNetwork("B", 30.0, null, "A", CASCADE.networks().get(2).layers());
        IllegalArgumentException parent = assertThrows(IllegalArgumentException.class,
                () -> new MaestroScenario(List.of(orphan)));
        assertEquals("The dependency of network 'B' names an unknown network ('A'); networks are B", parent.getMessage());
        IllegalArgumentException probability = assertThrows(IllegalArgumentException.class,
                () -> new MaestroNetwork("B", 30.0, 0.5, null, orphan.layers()));
        assertEquals("The network 'B' has a probability but no dependency; a probability applies to a cascade only",
                probability.getMessage());
        MaestroNetwork a = new MaestroNetwork("A", 30.0, null, "B", orphan.layers());
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> new MaestroScenario(List.of(a, orphan)));
        assertEquals("The dependencies of network 'A' form a cycle: A -> B -> A", cycle.getMessage());
    }
}
