package org.terastal.io.maestro;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code Network} block of a MAESTRO model file with XRBench's additions.
 *
 * @param name        network name, one MAESTRO word
 * @param fps         frames per second from the {@code FPS:} line, or null in a plain MAESTRO file
 * @param probability from the {@code Probability:} line, in (0, 1], or null; only with a dependency
 * @param dependency  the parent network of a cascade from the {@code Dependency: { ... }} block, or null
 * @param layers      layers in execution order, at least one, unique names
 */
public record MaestroNetwork(String name, Double fps, Double probability, String dependency, List<MaestroLayer> layers) {

    public MaestroNetwork {
        if (!MaestroTokens.isWord(name)) {
            throw new IllegalArgumentException("The network name '" + name + "' cannot be written in MAESTRO format; "
                    + "use a non-empty name without white space, braces, ':', ',', ';' or '//'");
        }
        String where = "network '" + name + "'";
        if (fps != null && !(fps > 0 && fps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The FPS (" + fps + ") of " + where + " must be a positive finite number");
        }
        if (probability != null && !(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("The probability (" + probability + ") of " + where + " must be in (0, 1]");
        }
        if (probability != null && dependency == null) {
            throw new IllegalArgumentException("The " + where + " has a probability but no dependency; "
                    + "a probability applies to a cascade only");
        }
        if (dependency != null && !MaestroTokens.isWord(dependency)) {
            throw new IllegalArgumentException("The dependency '" + dependency + "' of " + where
                    + " cannot be written in MAESTRO format; it must be a network name");
        }
        if (name.equals(dependency)) {
            throw new IllegalArgumentException("The " + where + " depends on itself; a cascade needs another parent network");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("The layers of " + where + " are missing; a network needs at least one layer");
        }
        layers = List.copyOf(layers);
        Set<String> seen = new HashSet<>();
        for (MaestroLayer layer : layers) {
            if (!seen.add(layer.name())) {
                throw new IllegalArgumentException("The layer name '" + layer.name() + "' appears twice in " + where);
            }
        }
    }
}
