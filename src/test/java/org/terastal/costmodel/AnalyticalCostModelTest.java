package org.terastal.costmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Limits;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;

class AnalyticalCostModelTest {

    private final AnalyticalCostModel model = new AnalyticalCostModel();

    /** A Dual_4K-like engine: 2048 PEs, 128 words/cycle, 1 GHz (one ns per cycle). */
    private static Accelerator engine(Dataflow dataflow, int pes) {
        return new Accelerator(dataflow + "-" + pes, dataflow, pes, 1000, 128, 128, 2L << 20, 8L << 10);
    }

    private static Layer conv(String name, int k, int c, int size, int r, int stride, int pad) {
        return new Layer(name, LayerType.CONV, 1, k, c, size, size, r, r, stride, pad);
    }

    /** Typical layer shapes, from a stem conv to a classifier. */
    private static final List<Layer> SHAPES = List.of(
            conv("stem", 64, 3, 224, 7, 2, 3),
            conv("conv3x3", 128, 128, 28, 3, 1, 1),
            conv("pointwise", 512, 256, 14, 1, 1, 0),
            conv("conv5x5", 192, 192, 20, 5, 1, 0),
            new Layer("depthwise", LayerType.DSCONV, 1, 1, 144, 56, 56, 3, 3, 2, 1),
            new Layer("tokens", LayerType.FC, 1, 768, 3072, 49, 1, 1, 1, 1, 0),
            new Layer("classifier", LayerType.FC, 1, 1000, 2048, 1, 1, 1, 1, 1, 0));

    @Test
    void isVersioned() {
        assertEquals("builtin/1", model.name());
    }

    @Test
    void strideTwoCostsLessThanStrideOne() {
        for (Dataflow dataflow : Dataflow.values()) {
            Accelerator acc = engine(dataflow, 2048);
            long stride1 = model.latencyNs(conv("s1", 128, 128, 56, 3, 1, 1), acc);
            long stride2 = model.latencyNs(conv("s2", 128, 128, 56, 3, 2, 1), acc);
            assertTrue(stride2 * 3 < stride1, dataflow + ": stride 2 " + stride2 + " ns vs stride 1 " + stride1 + " ns");
        }
    }

    @Test
    void latencyScalesWithN() {
        for (Dataflow dataflow : Dataflow.values()) {
            Accelerator acc = engine(dataflow, 2048);
            for (Layer one : SHAPES) {
                Layer four = new Layer(one.name(), one.type(), 4, one.k(), one.c(), one.y(), one.x(), one.r(), one.s(), one.stride(), one.padY(), one.padX());
                assertEquals(4 * model.latencyNs(one, acc), model.latencyNs(four, acc), dataflow + " " + one.name());
            }
        }
    }

    @Test
    void depthwiseFiltersEachChannelAlone() {
        Layer depthwise = new Layer("dw", LayerType.DSCONV, 1, 1, 32, 152, 152, 3, 3, 1, 0);
        Layer dense = new Layer("dense", LayerType.CONV, 1, 32, 32, 152, 152, 3, 3, 1, 0);
        for (Dataflow dataflow : Dataflow.values()) {
            Accelerator acc = engine(dataflow, 2048);
            assertTrue(model.latencyNs(depthwise, acc) < model.latencyNs(dense, acc), dataflow.name());
        }
        // MAESTRO: an OS engine runs this depthwise layer about 15x faster than a WS engine, whose K lanes idle
        long ws = model.latencyNs(depthwise, engine(Dataflow.WS, 2048));
        long os = model.latencyNs(depthwise, engine(Dataflow.OS, 2048));
        assertTrue(ws > 8 * os, "WS " + ws + " ns vs OS " + os + " ns");
    }

    @Test
    void fcOnATokenColumnPrefersOsButAPlainClassifierPrefersWs() {
        Accelerator ws = engine(Dataflow.WS, 2048);
        Accelerator os = engine(Dataflow.OS, 2048);
        // transformer layer written as Y tokens x X = 1, as in XRBench: WS uses one of its 8 column clusters
        Layer tokens = new Layer("mlp", LayerType.FC, 1, 512, 512, 64, 1, 1, 1, 1, 0);
        assertTrue(model.latencyNs(tokens, os) < model.latencyNs(tokens, ws));
        Layer classifier = new Layer("fc", LayerType.FC, 1, 512, 4096, 1, 1, 1, 1, 1, 0);
        assertTrue(model.latencyNs(classifier, ws) < model.latencyNs(classifier, os));
    }

    @Test
    void morePesNeverSlower() {
        int[] pes = {1, 16, 64, 100, 256, 512, 1000, 1024, 2048, 3000, 4096, 8192};
        for (Dataflow dataflow : Dataflow.values()) {
            for (Layer layer : SHAPES) {
                long previous = Long.MAX_VALUE;
                for (int p : pes) {
                    long latency = model.latencyNs(layer, engine(dataflow, p));
                    assertTrue(latency <= previous, dataflow + " " + layer.name() + " at " + p + " PEs: " + latency + " > " + previous);
                    previous = latency;
                }
            }
        }
    }

    @Test
    void clockAndNocBandwidthAreUsed() {
        Layer pointwise = conv("pw", 256, 256, 28, 1, 1, 0);
        for (Dataflow dataflow : Dataflow.values()) {
            Accelerator base = engine(dataflow, 2048);
            Accelerator fastClock = new Accelerator("fast", dataflow, 2048, 2000, 128, 128, 0, 0);
            Accelerator wideNoc = new Accelerator("wide", dataflow, 2048, 1000, 1024, 128, 0, 0);
            long ns = model.latencyNs(pointwise, base);
            assertEquals((ns + 1) / 2, model.latencyNs(pointwise, fastClock), dataflow + " at 2 GHz");
            // a 1x1 conv is bound by the NoC on every engine
            assertTrue(model.latencyNs(pointwise, wideNoc) < ns, dataflow + " with a wider NoC");
        }
    }

    @Test
    void offchipBandwidthAndBufferSizesAreNotUsed() {
        for (Dataflow dataflow : Dataflow.values()) {
            Accelerator base = engine(dataflow, 2048);
            Accelerator other = new Accelerator("other", dataflow, 2048, 1000, 128, 1, 1, 1);
            for (Layer layer : SHAPES) {
                assertEquals(model.latencyNs(layer, base), model.latencyNs(layer, other), dataflow + " " + layer.name());
            }
        }
    }

    @Test
    void tinyLayerTakesAtLeastOneNs() {
        Layer tiny = new Layer("tiny", LayerType.FC, 1, 1, 1, 1, 1, 1, 1, 1, 0);
        Accelerator fast = new Accelerator("fast", Dataflow.OS, 4096, 1_000_000, 1 << 20, 1, 0, 0);
        assertEquals(1, model.latencyNs(tiny, fast));
    }

    @Test
    void estimateExplainsTheCycles() {
        AnalyticalCostModel.Estimate e = model.estimate(conv("c", 64, 64, 58, 3, 1, 0), engine(Dataflow.WS, 2048));
        assertEquals(e.steps() * Math.max(e.computeCycles(), Math.max(e.ingressCycles(), e.egressCycles())), e.cycles());
        assertEquals(e.cycles(), model.latencyNs(conv("c", 64, 64, 58, 3, 1, 0), engine(Dataflow.WS, 2048)));
    }

    @Test
    void layersAtTheLimitsPriceWithoutOverflow() {
        int max = Limits.MAX_DIM;
        // each near the largest work a layer may do, with the work in different dims
        List<Layer> extremes = List.of(new Layer("channels", LayerType.CONV, 1, max, max, 9, 9, 1, 1, 1, 0),
                new Layer("batch", LayerType.FC, max, 1, 1, max / 16, 5, 1, 1, 1, 0),
                new Layer("filter", LayerType.CONV, 1, 1000, 1000, max, 95, max, 1, 1, 0),
                new Layer("depthwise", LayerType.DSCONV, 1, 1, max, 9000, 9000, 1, 1, 1, 0));
        for (Dataflow dataflow : Dataflow.values()) {
            for (Accelerator engine : List.of(new Accelerator("tiny", dataflow, 1, 1, 1, 1, 0, 0),
                    new Accelerator("huge", dataflow, Limits.MAX_PES, 1, Limits.MAX_BANDWIDTH, 1, 0, 0))) {
                for (Layer layer : extremes) {
                    assertTrue(model.estimate(layer, engine).cycles() > 0, layer.name() + " on " + engine);
                }
            }
        }
    }
}
