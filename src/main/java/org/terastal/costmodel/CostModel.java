package org.terastal.costmodel;

import java.util.List;
import java.util.Optional;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.Model;

/**
 * Prices one layer on one accelerator engine. The built-in implementation is
 * {@link AnalyticalCostModel}; users with their own profiler can implement this interface or import
 * a latency table instead.
 */
public interface CostModel {

    /**
     * Name and version of the model, e.g. {@code builtin/1}. It becomes the source of every latency
     * table the model fills, so a result can be traced to the exact figures it used; change the
     * version whenever the figures change.
     */
    String name();

    /**
     * Latency of one inference of the layer on the accelerator, in integer nanoseconds, at least 1.
     *
     * @throws IllegalArgumentException when the layer or accelerator cannot be priced
     */
    long latencyNs(Layer layer, Accelerator accelerator);

    /**
     * A latency table for the whole instance: every layer's original on every accelerator and, for
     * each variant candidate, the variant (the inner convolution of {@link Layer#variant}) on every
     * accelerator. The table's source is {@link #name()}.
     */
    static LatencyTable latencyTable(Instance instance, CostModel model) {
        LatencyTable.Builder table = LatencyTable.builder(instance, model.name());
        List<Accelerator> accelerators = instance.platform().accelerators();
        for (Model m : instance.models()) {
            for (int l = 0; l < m.layers().size(); l++) {
                Layer original = m.layers().get(l);
                Optional<Layer> variant = m.variantOf(l);
                for (int a = 0; a < accelerators.size(); a++) {
                    Accelerator accelerator = accelerators.get(a);
                    table.put(m.id(), l, Implementation.ORIGINAL, a, model.latencyNs(original, accelerator));
                    if (variant.isPresent()) {
                        table.put(m.id(), l, Implementation.VARIANT, a, model.latencyNs(variant.get(), accelerator));
                    }
                }
            }
        }
        return table.build();
    }
}
