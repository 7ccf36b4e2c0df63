package org.terastal.offline;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;

/**
 * Latency tables for generated instances in tests and benchmarks, standing in for the built-in
 * cost model (another branch): {@code cycles = ceil(MACs / (PEs · utilisation)) + 1000} (fill and
 * drain), {@code ns = cycles · 1000 / clock MHz}. Utilisation by dataflow, in the spirit of
 * MAESTRO's mappings:
 * <ul>
 *   <li>WS spreads weights: {@code 0.9 · min(1, K·C / PEs)} (C alone for depthwise);</li>
 *   <li>OS spreads output pixels: {@code 0.7 · min(1, Yo·Xo·min(K, 16) / PEs)};</li>
 *   <li>RS spreads filter rows over output rows: {@code 0.6 · min(1, R·S·Yo·min(K, 8) / PEs)}.</li>
 * </ul>
 * So late, channel-heavy layers prefer WS, early large maps prefer OS, and a D2S variant
 * (K/r², C/r², r·Y, r·X) moves work towards OS. Not a cost model: a deterministic, documented
 * stand-in with the skew the offline stage is about.
 */
public final class SyntheticLatencies {
    private static final long FILL_DRAIN_CYCLES = 1000;

    private SyntheticLatencies() {
    }

    public static LatencyTable of(Instance instance) {
        LatencyTable.Builder b = LatencyTable.builder(instance, "synthetic (SyntheticLatencies)");
        for (Model model : instance.models()) {
            for (int l = 0; l < model.layers().size(); l++) {
                for (Implementation impl : Implementation.values()) {
                    Layer layer = impl == Implementation.ORIGINAL ? model.layers().get(l) : model.variantOf(l).orElse(null);
                    if (layer == null) {
                        continue;
                    }
                    for (int a = 0; a < instance.platform().size(); a++) {
                        b.put(model.id(), l, impl, a, latency(layer, instance.platform().accelerators().get(a)));
                    }
                }
            }
        }
        return b.build();
    }

    static long latency(Layer layer, Accelerator acc) {
        double pes = acc.numPes();
        double util = switch (acc.dataflow()) {
            case WS -> 0.9 * Math.min(1, (layer.type() == LayerType.DSCONV ? layer.c() : (double) layer.k() * layer.c()) / pes);
            case OS -> 0.7 * Math.min(1, (double) layer.yOut() * layer.xOut() * Math.min(layer.k(), 16) / pes);
            case RS -> 0.6 * Math.min(1, (double) layer.r() * layer.s() * layer.yOut() * Math.min(layer.k(), 8) / pes);
        };
        long cycles = (long) Math.ceil(layer.macs() / (pes * util)) + FILL_DRAIN_CYCLES;
        return (long) Math.ceil(cycles * 1000.0 / acc.clockMhz());
    }
}
