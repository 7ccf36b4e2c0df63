package org.terastal.io.maestro;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.terastal.domain.Instance;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Task;

/**
 * Turns models into MAESTRO networks so that MAESTRO can profile them, variants included.
 *
 * <p>MAESTRO ignores stride and padding and computes an output of {@code Y − R + 1}; each layer
 * is therefore written with the input {@code Y' + R − 1} (likewise X) that gives the layer's
 * true output size at stride 1, so MAESTRO counts the true work. FC layers are written as 1x1
 * CONV layers, as XRBench does.
 */
public final class MaestroExport {
    private MaestroExport() {
    }

    /** One layer in MAESTRO's conventions. */
    public static MaestroLayer layer(Layer layer, String name) {
        LayerType type = layer.type() == LayerType.FC ? LayerType.CONV : layer.type();
        return new MaestroLayer(name, type, layer.n(), layer.k(), layer.c(), layer.yOut() + layer.r() - 1,
                layer.xOut() + layer.s() - 1, layer.r(), layer.s(), 1);
    }

    /**
     * A model as a network, with the given candidate layers replaced by their variants (the inner
     * conv of D2S → conv → S2D, named {@code <layer>_d2s}).
     */
    public static MaestroNetwork network(String name, Model model, Set<String> variants, Double fps, Double probability,
                                         String dependency) {
        List<MaestroLayer> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            Layer original = model.layers().get(i);
            boolean variant = variants.contains(original.name());
            Layer chosen = variant ? model.variantOf(i).orElseThrow(() -> new IllegalArgumentException(
                    "The layer '" + original.name() + "' of model '" + model.id() + "' is not a variant candidate")) : original;
            layers.add(layer(chosen, chosen.name()));
        }
        return new MaestroNetwork(name, fps, probability, dependency, layers);
    }

    /** The whole scenario of an instance, original layers, with XRBench's FPS, Dependency and Probability lines. */
    public static MaestroScenario scenario(Instance instance) {
        List<MaestroNetwork> networks = new ArrayList<>();
        for (Task task : instance.tasks()) {
            // XRBench's FPS of a cascaded network is the rate that sets its deadline (import reads it back so)
            double fps = task.dependency() == null || task.deadlineNs() == 0 ? task.fps() : 1e9 / task.deadlineNs();
            networks.add(network(task.id(), instance.model(task.model()), Set.of(), fps,
                    task.dependency() == null ? null : task.dependency().probability(),
                    task.dependency() == null ? null : task.dependency().parent()));
        }
        return new MaestroScenario(networks);
    }
}
