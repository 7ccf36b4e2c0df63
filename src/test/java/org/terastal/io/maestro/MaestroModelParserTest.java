package org.terastal.io.maestro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.terastal.io.maestro.TestFiles.lines;
import static org.terastal.io.maestro.TestFiles.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.io.InputException;

/** The parser on real XRBench data and on the format's accepted variations. */
class MaestroModelParserTest {

    private static List<String> names(MaestroScenario scenario) {
        return scenario.networks().stream().map(MaestroNetwork::name).toList();
    }

    private static List<Integer> layerCounts(MaestroScenario scenario) {
        return scenario.networks().stream().map(n -> n.layers().size()).toList();
    }

    private static void assertDims(MaestroLayer layer, String name, int n, int k, int c, int y, int x, int r, int s) {
        assertEquals(new MaestroLayer(name, LayerType.CONV, n, k, c, y, x, r, s, 1), layer);
    }

    @Test
    void vrGaming() {
        MaestroScenario vr = scenario("VR_gaming.m");
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "HT_hand_graph_cnn_half"), names(vr));
        assertEquals(List.of(42, 63, 224), layerCounts(vr));
        MaestroNetwork eye = vr.network("ES_RITNet");
        assertEquals(60.0, eye.fps());
        assertNull(eye.dependency());
        assertNull(eye.probability());
        MaestroNetwork gaze = vr.network("GE_FBNet_C");
        assertEquals(60.0, gaze.fps());
        assertEquals("ES_RITNet", gaze.dependency());
        assertEquals(1.0, gaze.probability());
        assertEquals(45.0, vr.network("HT_hand_graph_cnn_half").fps());
        assertDims(eye.layers().get(0), "conv1", 1, 32, 32, 160, 100, 3, 3);
        assertDims(eye.layers().get(41), "conv42", 1, 32, 32, 160, 100, 1, 1);
        assertDims(gaze.layers().get(0), "conv1", 1, 16, 3, 160, 100, 3, 3);
        assertDims(gaze.layers().get(62), "conv63", 1, 1000, 1984, 1, 1, 1, 1);
        assertDims(vr.network("HT_hand_graph_cnn_half").layers().get(0), "conv1", 1, 64, 3, 128, 128, 7, 7);
    }

    @Test
    void arGaming() {
        MaestroScenario ar = scenario("AR_gaming.m");
        assertEquals(List.of("HT_hand_graph_cnn_half", "DE_midas_v21_small", "PD_Plane_RCNN_Quarter"), names(ar));
        assertEquals(List.of(224, 92, 153), layerCounts(ar));
        assertEquals(List.of(45.0, 30.0, 15.0), ar.networks().stream().map(MaestroNetwork::fps).toList());
        assertTrue(ar.networks().stream().allMatch(n -> n.dependency() == null));
        assertDims(ar.network("HT_hand_graph_cnn_half").layers().get(223), "fc12", 1, 20, 512, 1, 1, 1, 1);
        assertDims(ar.network("DE_midas_v21_small").layers().get(91), "conv92", 1, 1, 32, 192, 256, 1, 1);
        assertDims(ar.network("PD_Plane_RCNN_Quarter").layers().get(0), "conv1", 1, 64, 3, 160, 160, 7, 7);
    }

    @Test
    void socialInteractionAHasACascadeWithoutProbability() {
        MaestroScenario social = scenario("social_interactionA.m");
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "DR_RGBd_200", "HT_hand_graph_cnn_half"), names(social));
        assertEquals(List.of(42, 63, 34, 224), layerCounts(social));
        assertEquals(List.of(60.0, 60.0, 30.0, 30.0), social.networks().stream().map(MaestroNetwork::fps).toList());
        assertEquals("ES_RITNet", social.network("GE_FBNet_C").dependency());
        assertNull(social.network("GE_FBNet_C").probability());
        assertDims(social.network("DR_RGBd_200").layers().get(0), "conv1", 1, 64, 4, 228, 912, 7, 7);
    }

    @Test
    void socialInteractionB() {
        MaestroScenario social = scenario("social_interactionB.m");
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "AS_ED_TCN"), names(social));
        assertEquals(List.of(42, 63, 4), layerCounts(social));
        assertEquals(30.0, social.network("AS_ED_TCN").fps());
        assertDims(social.network("AS_ED_TCN").layers().get(0), "conv1", 1, 64, 128, 668, 1, 25, 1);
    }

    @Test
    void verbatimExcerptMatchesTheReemittedScenario() {
        MaestroScenario excerpt = scenario("VR_gaming_excerpt.m");
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C"), names(excerpt));
        assertEquals(scenario("VR_gaming.m").networks().subList(0, 2), excerpt.networks());
    }

    @Test
    void reportsTheExcerptsRealPositions() {
        String broken = TestFiles.read("VR_gaming_excerpt.m").replace("Y: 5, X: 4, R: 5, S: 5", "Y: 5, X: 4, R: 0, S: 5");
        InputException e = assertThrows(InputException.class,
                () -> MaestroModelParser.parse("VR_gaming_excerpt.m", broken));
        assertEquals("VR_gaming_excerpt.m:481:55: Dimension R must be a positive integer, found '0' "
                + "(at Network GE_FBNet_C > Layer conv51 > Dimensions.R)", e.getMessage());
    }

    @Test
    void everyRealLayerConvertsToTheDomain() {
        for (String file : List.of("AR_gaming.m", "VR_gaming.m", "social_interactionA.m", "social_interactionB.m")) {
            for (MaestroNetwork network : scenario(file).networks()) {
                for (MaestroLayer layer : network.layers()) {
                    Layer domain = layer.toLayer();
                    assertEquals(layer.y(), domain.y());
                    assertEquals(1, domain.stride());
                    assertEquals(layer.filterFits() ? 0 : 1, domain.padY(), layer.name());
                    assertEquals(domain.padY(), domain.padX(), layer.name());
                }
            }
        }
    }

    @Test
    void filterLargerThanInputGetsTheSmallestPaddingThatFits() {
        // FBNet-C conv54: a 5x5 filter on a 5x4 map
        MaestroLayer layer = scenario("VR_gaming.m").network("GE_FBNet_C").layers().get(53);
        assertDims(layer, "conv54", 1, 1104, 1104, 5, 4, 5, 5);
        assertFalse(layer.filterFits());
        Layer domain = layer.toLayer();
        assertEquals(1, domain.padY());
        assertEquals(1, domain.padX());
        assertEquals(3, domain.yOut());
        assertEquals(2, domain.xOut());
        MaestroLayer fits = new MaestroLayer("c", LayerType.CONV, 1, 4, 2, 8, 8, 3, 3, 1);
        assertTrue(fits.filterFits());
        assertEquals(new Layer("c", LayerType.CONV, 1, 4, 2, 8, 8, 3, 3, 1, 0), fits.toLayer());
    }

    @Test
    void acceptsDimensionsInAnyOrder() {
        MaestroScenario s = MaestroModelParser.parse("a.m", lines(
                "Network A {",
                "Layer l { Type: CONV Dimensions: { R: 3, S: 1, Y: 12, X: 10, N: 2, K: 4, C: 6 } }",
                "}"));
        assertEquals(new MaestroLayer("l", LayerType.CONV, 2, 4, 6, 12, 10, 3, 1, 1), s.networks().get(0).layers().get(0));
    }

    @Test
    void acceptsPlainMaestroFiles() {
        // MAESTRO's own layout: no FPS, Dimensions without a colon, a Stride block, a missing comma
        MaestroScenario s = MaestroModelParser.parse("MobileNetV2_model.m", lines(
                "",
                "Network MobileNetV2 {",
                "\tLayer CONV1 {",
                "\t\tType: CONV",
                "\t\tStride { X: 2, Y: 2 }\t\t",
                "\t\tDimensions { N: 1, K: 32, C: 3, R: 3, S: 3, Y:224, X:224 }",
                "\t}",
                "//Bottleneck 1",
                "\tLayer Bottleneck1_1_2 { //depthwise",
                "\t\tType: DSCONV",
                "\t\tDimensions { N: 1, K: 1, C: 32 R: 3, S: 3, Y:112, X:112 }",
                "\t}",
                "\tLayer classifier {",
                "\t\tType: FC",
                "\t\tDimensions { N: 1, K: 1000, C: 1280, R: 1, S: 1, Y: 1, X: 1 }",
                "\t}",
                "}"));
        MaestroNetwork net = s.network("MobileNetV2");
        assertNull(net.fps());
        assertEquals(List.of(new MaestroLayer("CONV1", LayerType.CONV, 1, 32, 3, 224, 224, 3, 3, 2),
                new MaestroLayer("Bottleneck1_1_2", LayerType.DSCONV, 1, 1, 32, 112, 112, 3, 3, 1),
                new MaestroLayer("classifier", LayerType.FC, 1, 1000, 1280, 1, 1, 1, 1, 1)), net.layers());
        assertEquals(111, net.layers().get(0).toLayer().yOut());
    }

    @Test
    void acceptsWindowsLineEndsAndAByteOrderMark() {
        MaestroScenario s = MaestroModelParser.parse("a.m", "\uFEFFNetwork A {\r\nFPS: 7.5\r\n"
                + "Layer l { Type: CONV Dimensions: { N: 1, K: 4, C: 2, Y: 8, X: 8, R: 3, S: 3 } }\r\n}\r\n");
        assertEquals(7.5, s.network("A").fps());
    }

    @Test
    void readsFromAPathAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("VR.m");
        Files.writeString(file, TestFiles.read("VR_gaming_excerpt.m"));
        assertEquals(2, MaestroModelParser.parse(file).networks().size());
        Files.writeString(file, "Network A {\n");
        InputException e = assertThrows(InputException.class,
                () -> MaestroModelParser.parse(file));
        assertEquals(file + ":2:1: Unexpected end of file: the '{' opened at 1:11 is not closed (at Network A)", e.getMessage());
    }
}
