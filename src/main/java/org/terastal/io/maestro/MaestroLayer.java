package org.terastal.io.maestro;

import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;

/**
 * One layer exactly as a MAESTRO model file states it.
 *
 * <p>MAESTRO semantics: Y and X are input sizes, there is no padding (the output is
 * {@code Y - R + 1}), and XRBench files fold strides into the sizes of the next layer's input
 * instead of writing a {@code Stride} block. Files written for MAESTRO itself may carry a
 * {@code Stride { X: s, Y: s }} block; MAESTRO ignores it, Terastal keeps it because real
 * geometry decides the work.
 *
 * @param name   layer name, one MAESTRO word (no white space, none of {@code { } : , ;}, no {@code //})
 * @param type   CONV, DSCONV or FC
 * @param n      batch
 * @param k      output channels (channel multiplier for DSCONV)
 * @param c      input channels
 * @param y      input height
 * @param x      input width
 * @param r      filter height
 * @param s      filter width
 * @param stride stride in both directions, 1 when the file has no Stride block
 */
public record MaestroLayer(String name, LayerType type, int n, int k, int c, int y, int x, int r, int s, int stride) {

    public MaestroLayer {
        if (!MaestroTokens.isWord(name)) {
            throw new IllegalArgumentException("The layer name '" + name + "' cannot be written in MAESTRO format; "
                    + "use a non-empty name without white space, braces, ':', ',', ';' or '//'");
        }
        String where = "layer '" + name + "'";
        if (type == null) {
            throw new IllegalArgumentException("The type of " + where + " is missing");
        }
        int[] values = {n, k, c, y, x, r, s, stride};
        String[] names = {"N", "K", "C", "Y", "X", "R", "S", "stride"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException("The " + names[i] + " (" + values[i] + ") of " + where + " must be positive");
            }
        }
        if (type == LayerType.FC && (r != 1 || s != 1)) {
            throw new IllegalArgumentException("The filter R x S (" + r + " x " + s + ") of FC " + where
                    + " must be 1 x 1; maybe the layer is a CONV");
        }
    }

    /**
     * Whether the filter fits the unpadded input. XRBench has layers that do not (e.g. a 5x5
     * filter on a 5x4 map in FBNet-C): their real networks pad, the export dropped the padding,
     * and MAESTRO still reports cycles for them.
     */
    public boolean filterFits() {
        return y >= r && x >= s;
    }

    /**
     * The layer in the domain model: the same dims and stride, no padding when the filter fits.
     * Where it does not, the smallest padding that fits it is used, the least departure from
     * MAESTRO's no-padding rule that a {@link Layer} can represent.
     */
    public Layer toLayer() {
        int shortfall = Math.max(0, Math.max(r - y, s - x));
        return new Layer(name, type, n, k, c, y, x, r, s, stride, (shortfall + 1) / 2);
    }
}
