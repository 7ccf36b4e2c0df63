package org.terastal.costmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvWriter;

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
        List<Calibration.Sample> samples = Calibration.parse("inline.csv", csv);
        assertEquals(2, samples.size());
        Calibration.Sample first = samples.get(0);
        assertEquals(new Layer("conv1", LayerType.CONV, 1, 32, 16, 10, 12, 3, 3, 1, 0), first.layer());
        assertEquals(Map.of(Dataflow.WS, 100L, Dataflow.OS, 200L), first.referenceCycles());
        assertEquals(4096, samples.get(1).numPes());
        assertEquals(256, samples.get(1).nocBandwidth());
    }

    /** A model name with a comma, a quote and a line break, written by the toolkit's CSV writer, reads back whole. */
    @Test
    void quotedValuesSurviveWriteAndRead(@TempDir Path dir) {
        String model = "net \"a\",\nb";
        Path file = dir.resolve("calibration.csv");
        CsvWriter.write(file, csv -> {
            csv.comment("MAESTRO cycles,\nsecond line");
            csv.row("os_cycles", "model", "layer", "type", "N", "K", "C", "Y", "X", "R", "S", "stride", "pad", "num_pes", "noc_bw", "note");
            csv.row("200", model, "conv1", "CONV", "1", "32", "16", "10", "12", "3", "3", "1", "0", "2048", "128", "a,\"b\"");
        });
        List<Calibration.Sample> samples = Calibration.read(file);
        assertEquals(1, samples.size());
        assertEquals(model, samples.get(0).model());
        assertEquals(Map.of(Dataflow.OS, 200L), samples.get(0).referenceCycles());
    }

    @Test
    void readErrorsNameFileLineAndColumn() {
        String header = "model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw,ws_cycles\n";
        assertEquals("f.csv:2:12: The K (x) is not an integer; maybe a shifted column", error(header + "m,l,CONV,1,x,1,3,3,3,3,1,0,2048,128,5\n"));
        assertEquals("f.csv:2:5: The type (POOL) is unknown; maybe CONV, DSCONV or FC", error(header + "m,l,POOL,1,1,1,3,3,3,3,1,0,2048,128,5\n"));
        assertEquals("f.csv:1:1: The header (model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw) has none of the columns "
                + "ws_cycles, os_cycles, rs_cycles; give at least one", error("model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw\n"));
        assertTrue(error("model,layer,type,N,C,Y,X,R,S,stride,pad,num_pes,noc_bw,os_cycles\n")
                .startsWith("f.csv:1:1: The header (model,layer,type,N,C,Y,X,R,S,stride,pad,num_pes,noc_bw,os_cycles) lacks the column K; "
                        + "expected the columns model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw and one or more of "));
        assertTrue(error(header + "m,l,CONV,1,1,1,2,2,3,3,1,0,2048,128,5\n").startsWith("f.csv:2:3: The layer is invalid: The input Y x X"));
        assertEquals("f.csv:2:1: The row has 14 fields, expected 15 (model,layer,type,N,K,C,Y,X,R,S,stride,pad,num_pes,noc_bw,ws_cycles)",
                error(header + "m,\"l,CONV,1\",1,1,1,3,3,3,3,1,0,2048,128,5\n"));
    }

    private static String error(String csv) {
        return assertThrows(InputException.class, () -> Calibration.parse("f.csv", csv)).getMessage();
    }
}
