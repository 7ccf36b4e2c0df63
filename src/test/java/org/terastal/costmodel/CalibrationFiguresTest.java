package org.terastal.costmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;

class CalibrationFiguresTest {

    /** A model whose latency is the layer's K on WS and its C on OS and RS, so the figures are easy to predict. */
    private static final CostModel BY_DIMS = new CostModel() {
        @Override
        public String name() {
            return "test/1";
        }

        @Override
        public long latencyNs(Layer layer, Accelerator accelerator) {
            return accelerator.dataflow() == Dataflow.WS ? layer.k() : layer.c();
        }
    };

    private static Calibration.Sample sample(int k, int c, long ws, long os) {
        Layer layer = new Layer("l" + k + "x" + c, LayerType.FC, 1, k, c, 1, 1, 1, 1, 1, 0);
        return new Calibration.Sample("m", layer, 2048, 128, Map.of(Dataflow.WS, ws, Dataflow.OS, os));
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        assertEquals(1.0, Calibration.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}), 1e-12);
        assertEquals(-1.0, Calibration.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        // ranks (1.5, 1.5, 3) against (1, 2, 3): textbook value sqrt(3)/2
        assertEquals(Math.sqrt(3) / 2, Calibration.spearman(new double[] {5, 5, 9}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Calibration.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Calibration.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void agreementCountsLayersAndMacsAndAcceptsReferenceTies() {
        List<Calibration.Sample> samples = List.of(
                sample(10, 20, 100, 200),   // both prefer WS, 200 MACs
                sample(30, 20, 300, 100),   // both prefer OS, 600 MACs
                sample(10, 40, 500, 100),   // reference prefers OS, model WS: disagrees, 400 MACs
                sample(50, 10, 70, 70));    // reference tie: agrees whatever the model says, 500 MACs
        Calibration.Figures figures = Calibration.evaluate(samples, BY_DIMS);
        assertEquals(4, figures.layers());
        assertEquals(0.75, figures.layerAgreement(), 1e-12);
        assertEquals(1300.0 / 1700.0, figures.macAgreement(), 1e-12);
        assertEquals(1, figures.disagreements().size());
        assertEquals("l10x40", figures.disagreements().get(0).sample().layer().name());
        assertEquals(Set.of(Dataflow.WS, Dataflow.OS), figures.spearman().keySet());
        // WS: model (10, 30, 10, 50) vs reference (100, 300, 500, 70) -> relative errors 0.9, 0.9, 0.98, 0.2857
        assertEquals((0.9 + 0.9) / 2, figures.medianRelativeError().get(Dataflow.WS), 1e-12);
        assertTrue(figures.report().contains("75.0% of layers"), figures.report());
    }

    @Test
    void readsTheFixtureFormat() {
        String csv = """
                # comment
                model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw,ws_cycles,os_cycles,extra
                net,conv1,CONV,1,32,16,10,12,3,3,1,0,2048,128,100,200,ignored

                net,fc,FC,2,8,4,5,1,1,1,1,0,4096,256,7,9,x
                """;
        List<Calibration.Sample> samples = Calibration.read(new BufferedReader(new StringReader(csv)), "inline.csv");
        assertEquals(2, samples.size());
        Calibration.Sample first = samples.get(0);
        assertEquals(new Layer("conv1", LayerType.CONV, 1, 32, 16, 10, 12, 3, 3, 1, 0), first.layer());
        assertEquals(Map.of(Dataflow.WS, 100L, Dataflow.OS, 200L), first.referenceCycles());
        assertEquals(4096, samples.get(1).numPes());
        assertEquals(256, samples.get(1).nocBandwidth());
    }

    @Test
    void readErrorsNameLineAndColumn() {
        String header = "model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw,ws_cycles\n";
        IllegalArgumentException badNumber = assertThrows(IllegalArgumentException.class, () -> Calibration.read(
                new BufferedReader(new StringReader(header + "m,l,CONV,1,x,1,3,3,3,3,1,0,2048,128,5\n")), "f.csv"));
        assertEquals("The K (x) of line 2 of f.csv is not an integer; maybe a shifted column", badNumber.getMessage());
        IllegalArgumentException badType = assertThrows(IllegalArgumentException.class, () -> Calibration.read(
                new BufferedReader(new StringReader(header + "m,l,POOL,1,1,1,3,3,3,3,1,0,2048,128,5\n")), "f.csv"));
        assertEquals("The type (POOL) of line 2 of f.csv is unknown; maybe CONV, DSCONV or FC", badType.getMessage());
        IllegalArgumentException noCycles = assertThrows(IllegalArgumentException.class, () -> Calibration.read(
                new BufferedReader(new StringReader("model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw\n")), "f.csv"));
        assertTrue(noCycles.getMessage().startsWith("The header on line 1 of f.csv has no cycle column"), noCycles.getMessage());
        IllegalArgumentException degenerate = assertThrows(IllegalArgumentException.class, () -> Calibration.read(
                new BufferedReader(new StringReader(header + "m,l,CONV,1,1,1,2,2,3,3,1,0,2048,128,5\n")), "f.csv"));
        assertTrue(degenerate.getMessage().startsWith("The layer on line 2 of f.csv is invalid: The input Y x X"), degenerate.getMessage());
    }
}
