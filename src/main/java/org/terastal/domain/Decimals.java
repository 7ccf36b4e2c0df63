package org.terastal.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The text of a number in the files the toolkit writes (tidy CSV, manifests, cell names) and in the
 * messages that quote those numbers: the same on every platform, so that outputs compare byte for byte.
 */
public final class Decimals {
    private static final MathContext DIGITS = new MathContext(9);

    private Decimals() {
    }

    /** A number in plain decimal with at most 9 significant digits; NaN and the infinities as Java writes them. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
