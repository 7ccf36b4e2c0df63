package org.terastal.domain;

import static org.terastal.domain.Checks.positive;
import static org.terastal.domain.Checks.requireNonNull;

/**
 * One layer of a DNN: dims {@code N K C Y X R S}, stride and zero padding.
 *
 * <p>Y and X are the real input height and width without padding; the output height is
 * {@code floor((Y + 2·padY − R) / stride) + 1} (likewise X with padX and S). Padding may differ
 * per axis (InceptionV3's 1x7 and 7x1 convs pad only along the filter). Unlike MAESTRO, stride
 * and N count: a stride-2 layer does a quarter of the stride-1 work.
 *
 * @param name   unique name within its model
 * @param type   CONV, DSCONV (depthwise) or FC
 * @param n      batch or token-fold count
 * @param k      output channels (channel multiplier for DSCONV)
 * @param c      input channels
 * @param y      input height
 * @param x      input width
 * @param r      filter height
 * @param s      filter width
 * @param stride stride in both directions
 * @param padY   zero padding on the top and on the bottom
 * @param padX   zero padding on the left and on the right
 */
public record Layer(String name, LayerType type, int n, int k, int c, int y, int x, int r, int s, int stride,
                    int padY, int padX) {

    public Layer {
        Limits.requireName(name, "name", "a layer");
        String where = "layer '" + name + "'";
        requireNonNull(type, "type", where);
        dim(n, "N", where);
        dim(k, "K", where);
        dim(c, "C", where);
        dim(y, "Y", where);
        dim(x, "X", where);
        dim(r, "R", where);
        dim(s, "S", where);
        dim(stride, "stride", where);
        if (padY < 0 || padX < 0) {
            throw new DomainException(padY < 0 ? "padY" : "padX", "The padding (" + padY + ", " + padX + ") of " + where
                    + " must not be negative");
        }
        Limits.inRange(padY, 0, Limits.MAX_DIM, "padY", where, "");
        Limits.inRange(padX, 0, Limits.MAX_DIM, "padX", where, "");
        if (type == LayerType.FC && (r != 1 || s != 1)) {
            throw new DomainException("R", "The filter R x S (" + r + " x " + s + ") of FC " + where
                    + " must be 1 x 1; maybe the layer is a CONV");
        }
        if (y + 2 * padY < r || x + 2 * padX < s) {
            throw new DomainException("Y", "The input Y x X (" + y + " x " + x + ", pad " + padY + ", " + padX + ") of " + where
                    + " is smaller than its filter R x S (" + r + " x " + s + "); maybe Y and X are the output size");
        }
        // in floating point: the product of seven dims can overflow a long before the check could see it
        double macs = (double) n * k * c * ((y + 2 * padY - r) / stride + 1) * ((x + 2 * padX - s) / stride + 1) * r * s;
        if (macs > Limits.MAX_LAYER_MACS) {
            throw new DomainException("K", "The work (" + String.format(java.util.Locale.ROOT, "%.3g", macs) + " MACs) of " + where
                    + " exceeds " + Limits.format(Limits.MAX_LAYER_MACS) + " MACs, the most one layer may do; maybe a dimension is mistyped");
        }
    }

    private static void dim(int value, String field, String where) {
        positive(value, field, where);
        Limits.inRange(value, 1, Limits.MAX_DIM, field, where, "");
    }

    /** A layer with the same padding on every side. */
    public Layer(String name, LayerType type, int n, int k, int c, int y, int x, int r, int s, int stride, int pad) {
        this(name, type, n, k, c, y, x, r, s, stride, pad, pad);
    }

    /** Output height. */
    public int yOut() {
        return (y + 2 * padY - r) / stride + 1;
    }

    /** Output width. */
    public int xOut() {
        return (x + 2 * padX - s) / stride + 1;
    }

    /** Output channels: K for CONV and FC, C·K for depthwise. */
    public int outChannels() {
        return type == LayerType.DSCONV ? c * k : k;
    }

    /** Multiply-accumulate operations of one inference. */
    public long macs() {
        return (long) n * k * c * yOut() * xOut() * r * s;
    }

    /** Number of weights. */
    public long weights() {
        return (long) k * c * r * s;
    }

    /**
     * The inner convolution of this layer's D2S → conv → S2D variant with ratio r:
     * {@code K/r², C/r², r·Y, r·X}, R, S, stride and N unchanged, padding scaled by r
     * (the artifact pads the inner conv by {@code pad·r} and crops after S2D).
     *
     * @throws IllegalArgumentException when r < 2, the layer is depthwise, or K or C is not divisible by r²
     */
    public Layer variant(int ratio) {
        String where = "layer '" + name + "'";
        if (ratio < 2) {
            throw new IllegalArgumentException("The variant ratio r (" + ratio + ") of " + where + " must be at least 2");
        }
        if (type == LayerType.DSCONV) {
            throw new IllegalArgumentException("The " + where + " is depthwise (DSCONV) and has no D2S variant; "
                    + "only CONV and FC layers can be variant candidates");
        }
        int r2 = ratio * ratio;
        if (k % r2 != 0) {
            throw new IllegalArgumentException("The K (" + k + ") of " + where + " is not divisible by r² = " + r2
                    + " (r = " + ratio + "); maybe choose an r whose square divides both K and C");
        }
        if (c % r2 != 0) {
            throw new IllegalArgumentException("The C (" + c + ") of " + where + " is not divisible by r² = " + r2
                    + " (r = " + ratio + "); maybe choose an r whose square divides both K and C");
        }
        return new Layer(name + "_d2s", type, n, k / r2, c / r2, y * ratio, x * ratio, r, s, stride, padY * ratio, padX * ratio);
    }
}
