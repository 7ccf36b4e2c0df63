package org.terastal.io.maestro;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes MAESTRO model files in XRBench's layout, so XRBench-MAESTRO and MAESTRO read them and
 * {@link MaestroModelParser} gives back equal records.
 *
 * <p>Network lines (Dependency, Probability, FPS) come first and only when set; a layer's
 * {@code Stride} block only when its stride is not 1, and before its Dimensions because
 * MAESTRO requires that order. Numbers are written in their shortest exact decimal form.
 */
public final class MaestroModelWriter {

    private MaestroModelWriter() {
    }

    /**
     * The text of a model file.
     *
     * @param scenario the networks, in order
     * @param comments header lines written as {@code //} comments (provenance, licence), may be empty
     * @throws IllegalArgumentException when a comment holds a line break
     */
    public static String write(MaestroScenario scenario, List<String> comments) {
        StringBuilder out = new StringBuilder();
        for (String comment : comments) {
            if (comment.contains("\n") || comment.contains("\r")) {
                throw new IllegalArgumentException("A header comment holds a line break; give one list entry per line");
            }
            out.append(comment.isEmpty() ? "//" : "// " + comment).append('\n');
        }
        for (MaestroNetwork network : scenario.networks()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("Network ").append(network.name()).append(" {\n");
            if (network.dependency() != null) {
                out.append("Dependency: {\n\t").append(network.dependency()).append("\n}\n");
            }
            if (network.probability() != null) {
                out.append("Probability: ").append(number(network.probability())).append('\n');
            }
            if (network.fps() != null) {
                out.append("FPS: ").append(number(network.fps())).append('\n');
            }
            for (MaestroLayer layer : network.layers()) {
                out.append("\nLayer ").append(layer.name()).append(" {\n");
                out.append("\tType: ").append(layer.type().name()).append('\n');
                if (layer.stride() != 1) {
                    out.append("\tStride { X: ").append(layer.stride()).append(", Y: ").append(layer.stride()).append(" }\n");
                }
                out.append("\tDimensions: { N: ").append(layer.n()).append(", K: ").append(layer.k())
                        .append(", C: ").append(layer.c()).append(", Y: ").append(layer.y()).append(", X: ").append(layer.x())
                        .append(", R: ").append(layer.r()).append(", S: ").append(layer.s()).append(" }\n");
                out.append("}\n");
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
