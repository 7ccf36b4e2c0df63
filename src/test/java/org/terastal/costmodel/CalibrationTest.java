package org.terastal.costmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.terastal.domain.Dataflow;

/**
 * The built-in model against MAESTRO's per-layer cycles (fixtures and their provenance in
 * {@code src/test/resources/calibration}). Targets are at 2048 PEs per engine, the configuration the
 * scheduling experiments use; the 4096-PE figures are printed for information.
 */
class CalibrationTest {

    static final int TARGET_PES = 2048;
    static final int OTHER_PES = 4096;
    static final double MIN_LAYER_AGREEMENT = 0.90;
    static final double MIN_MAC_AGREEMENT = 0.95;
    static final double MIN_SPEARMAN = 0.90;

    private final CostModel model = new AnalyticalCostModel();

    @Test
    void agreesWithMaestroOnXrbenchLayers() {
        checkTargets("xrbench-maestro.csv", 318);
    }

    @Test
    void agreesWithMaestroOnTerastalArtifactLayers() {
        checkTargets("terastal-maestro.csv", 401);
    }

    private void checkTargets(String fixture, int expectedLayers) {
        List<Calibration.Sample> all = load(fixture);
        Calibration.Figures figures = Calibration.evaluate(at(all, TARGET_PES), model);
        System.out.println(fixture + " at " + TARGET_PES + " PEs: " + figures.report());
        System.out.println(fixture + " at " + OTHER_PES + " PEs (information): " + Calibration.evaluate(at(all, OTHER_PES), model).report());
        assertEquals(expectedLayers, figures.layers(), "layers in " + fixture);
        assertTrue(figures.layerAgreement() >= MIN_LAYER_AGREEMENT, "layer agreement " + figures.layerAgreement());
        assertTrue(figures.macAgreement() >= MIN_MAC_AGREEMENT, "MAC agreement " + figures.macAgreement());
        assertTrue(figures.spearman().get(Dataflow.WS) >= MIN_SPEARMAN, "WS Spearman " + figures.spearman());
        assertTrue(figures.spearman().get(Dataflow.OS) >= MIN_SPEARMAN, "OS Spearman " + figures.spearman());
    }

    private static List<Calibration.Sample> at(List<Calibration.Sample> samples, int pes) {
        return samples.stream().filter(s -> s.numPes() == pes).toList();
    }

    static List<Calibration.Sample> load(String fixture) {
        String resource = "/calibration/" + fixture;
        try (InputStream in = CalibrationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "test resource " + resource);
            return Calibration.parse(fixture, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
