package org.terastal.costmodel;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;

/**
 * The built-in cost model: a MAESTRO-like analytical model of WS, OS and RS engines, calibrated
 * against MAESTRO's per-layer figures (see {@code docs/costmodel.md} for the equations and the
 * calibration).
 *
 * <p>Each dataflow maps the layer onto clusters of PEs as MAESTRO's XRBench dataflows do:
 * <ul>
 *   <li>WS (NVDLA-like): output columns X' over clusters of 256 PEs, K over 16 lanes and C over 16
 *       lanes inside a cluster; C and K are walked in tiles of 16, then Y', then X'.</li>
 *   <li>OS (ShiDianNao-like): output rows Y' over clusters of 64 PEs, X' over 4 lanes and C over
 *       16 lanes inside a cluster; K is fully serial.</li>
 *   <li>RS (Eyeriss-like): K over clusters of 64 PEs, X' over 16 lanes and filter rows R over 4
 *       lanes inside a cluster; each PE walks C in tiles of 4.</li>
 * </ul>
 * The layer runs as a sequence of steps (one tile each); edge tiles pay a full tile. A step takes
 * {@code max(compute, ingress, egress)} cycles (double buffering): compute is the PE work, ingress
 * and egress are {@code ceil(words / nocBandwidth)} on the global NoC. Unlike MAESTRO, stride and N
 * count (the output size and a batch loop), a depthwise layer filters each channel on its own
 * (K is the channel multiplier) and an FC layer is a 1x1 convolution on its Y x X token map.
 *
 * <p>Accelerator parameters: {@code numPes}, {@code nocBandwidth} (words per cycle) and
 * {@code clockMhz} are used. {@code offchipBandwidth}, {@code globalBufferBytes} and
 * {@code localMemoryBytes} are not used: MAESTRO, which the model is calibrated against, ignores them
 * too (a layer's operands are assumed on chip, streamed by the NoC), so using them would shift the
 * figures away from the calibration without data to check the shift against.
 *
 * <p>Adding PEs never makes a layer slower: a mapper may leave PEs idle, so the latency is the
 * fastest of running on any number of whole clusters the engine has, or on one partial cluster
 * whose lane counts are powers of two.
 */
public final class AnalyticalCostModel implements CostModel {

    /** Name and version recorded as the source of latency tables. */
    public static final String NAME = "builtin/1";

    /**
     * PEs behind one multicast group of the global NoC. A step pays for every cluster of each group
     * it touches; this is what makes a layer that fills a few output rows of an OS engine cost
     * nearly as much per step as a full tile, as MAESTRO reports.
     */
    static final int NOC_GROUP_PES = 512;

    /** Channels an RS PE walks per step (MAESTRO's RS dataflow maps C in tiles of 4). */
    static final int RS_CHANNEL_TILE = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long latencyNs(Layer layer, Accelerator accelerator) {
        return toNs(estimate(layer, accelerator).cycles(), accelerator.clockMhz());
    }

    /**
     * Cycles of the layer on the accelerator and how they arise: the fastest mapping found. A layer
     * and an accelerator within {@link org.terastal.domain.Limits} never overflow the count.
     */
    public Estimate estimate(Layer layer, Accelerator accelerator) {
        Geometry full = Geometry.of(accelerator.dataflow());
        int clusterPes = full.lanes1 * full.lanes2;
        int group = Math.max(1, NOC_GROUP_PES / clusterPes);
        Estimate best = null;
        for (int clusters = 1; clusters <= accelerator.numPes() / clusterPes; clusters++) {
            best = faster(best, price(layer, accelerator, clusters, full.lanes1, full.lanes2, group));
        }
        for (int lanes1 = 1; lanes1 <= full.lanes1; lanes1 *= 2) {
            for (int lanes2 = 1; lanes2 <= full.lanes2; lanes2 *= 2) {
                int pes = lanes1 * lanes2;
                if (pes < clusterPes && pes <= accelerator.numPes()) {
                    best = faster(best, price(layer, accelerator, 1, lanes1, lanes2, group));
                }
            }
        }
        return best;
    }

    /**
     * One priced mapping.
     *
     * @param cycles        total cycles: {@code steps * max(compute, ingress, egress)}
     * @param clusters      clusters used (1 for a partial cluster)
     * @param lanes1        first lane count of a cluster: C lanes (WS, OS) or R lanes (RS)
     * @param lanes2        second lane count of a cluster: K lanes (WS) or X' lanes (OS, RS)
     * @param steps         number of tiles the layer runs as
     * @param computeCycles PE cycles of one step
     * @param ingressCycles NoC cycles bringing one step's operands in
     * @param egressCycles  NoC cycles taking one step's results out
     */
    public record Estimate(long cycles, int clusters, int lanes1, int lanes2, long steps, long computeCycles,
                           long ingressCycles, long egressCycles) {
    }

    private static Estimate faster(Estimate best, Estimate candidate) {
        return best == null || candidate.cycles() < best.cycles() ? candidate : best;
    }

    /** Lane counts of one full cluster per dataflow. */
    private record Geometry(int lanes1, int lanes2) {
        static Geometry of(Dataflow dataflow) {
            return switch (dataflow) {
                case WS -> new Geometry(16, 16);
                case OS -> new Geometry(16, 4);
                case RS -> new Geometry(4, 16);
            };
        }
    }

    private static Estimate price(Layer layer, Accelerator accelerator, int clusters, int lanes1, int lanes2, int group) {
        long n = layer.n();
        long k = layer.k();
        long c = layer.c();
        long yOut = layer.yOut();
        long xOut = layer.xOut();
        long r = layer.r();
        long s = layer.s();
        long bandwidth = accelerator.nocBandwidth();
        // a depthwise layer does not reduce over C, so every channel lane emits its own output
        boolean depthwise = layer.type() == LayerType.DSCONV;
        Tile tile = switch (accelerator.dataflow()) {
            case WS -> {
                long cTile = Math.min(c, lanes1);
                long kTile = Math.min(k, lanes2);
                long charged = charged(Math.min(clusters, xOut), group);
                yield new Tile(product(n, ceilDiv(c, lanes1), ceilDiv(k, lanes2), yOut, ceilDiv(xOut, clusters)),
                        // per filter tap each active C lane takes an input and a weight word from the cluster bus
                        ceilDiv(2 * cTile, lanes1) * r * s,
                        charged * kTile * cTile,
                        charged * kTile * (depthwise ? cTile : 1));
            }
            case OS -> {
                long cTile = Math.min(c, lanes1);
                long xTile = Math.min(xOut, lanes2);
                long charged = charged(Math.min(clusters, yOut), group);
                yield new Tile(product(n, k, ceilDiv(yOut, clusters), ceilDiv(xOut, lanes2), ceilDiv(c, lanes1)),
                        // inputs are forwarded between neighbouring PEs, so a PE does one MAC per cycle
                        r * s,
                        charged * xTile * cTile + cTile * r * s,
                        charged * xTile * (depthwise ? cTile : 1));
            }
            case RS -> {
                long cTile = Math.min(c, RS_CHANNEL_TILE);
                long xTile = Math.min(xOut, lanes2);
                long charged = charged(Math.min(clusters, k), group);
                yield new Tile(product(n, yOut, ceilDiv(xOut, lanes2), ceilDiv(c, RS_CHANNEL_TILE), ceilDiv(k, clusters),
                        ceilDiv(r, lanes1)),
                        // a PE runs one filter row over its channel tile, fetching an input and a weight per MAC
                        2 * cTile * s,
                        2 * charged * xTile * cTile,
                        charged * xTile * (depthwise ? cTile : 1));
            }
        };
        long ingress = ceilDiv(tile.ingressWords, bandwidth);
        long egress = ceilDiv(tile.egressWords, bandwidth);
        long perStep = Math.max(tile.compute, Math.max(ingress, egress));
        return new Estimate(Math.multiplyExact(tile.steps, perStep), clusters, lanes1, lanes2, tile.steps, tile.compute,
                ingress, egress);
    }

    /** The work of one mapping: how many steps, and each step's PE cycles and NoC words. */
    private record Tile(long steps, long compute, long ingressWords, long egressWords) {
    }

    /** Clusters a step pays NoC traffic for: its active clusters rounded up to whole multicast groups. */
    private static long charged(long activeClusters, int group) {
        return ceilDiv(activeClusters, group) * group;
    }

    private static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Cycles at the accelerator's clock to integer ns, rounded up and at least 1. */
    static long toNs(long cycles, double clockMhz) {
        return Math.max(1, (long) Math.ceil(cycles * 1000.0 / clockMhz));
    }
}
