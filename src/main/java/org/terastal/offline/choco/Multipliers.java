package org.terastal.offline.choco;

import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional searches for Lagrangian multipliers. A Lagrangian bound is valid at any
 * multipliers, so these searches only decide how strong a bound is; the callers keep the best
 * point they evaluated.
 */
final class Multipliers {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private Multipliers() {
    }

    /** Golden-section search for the maximum of a unimodal function on [lo, hi], evaluating it steps + 3 times. */
    static void goldenMax(DoubleUnaryOperator f, double lo, double hi, int steps) {
        double a = hi - GOLDEN * (hi - lo);
        double b = lo + GOLDEN * (hi - lo);
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        for (int step = 0; step < steps; step++) {
            if (fa < fb) {
                lo = a;
                a = b;
                fa = fb;
                b = lo + GOLDEN * (hi - lo);
                fb = f.applyAsDouble(b);
            } else {
                hi = b;
                b = a;
                fb = fa;
                a = hi - GOLDEN * (hi - lo);
                fa = f.applyAsDouble(a);
            }
        }
        f.applyAsDouble(lo);
    }

    /**
     * The maximum over μ ≥ 0 of a concave function g, by bisection on the sign of its
     * supergradient at the point last evaluated, in a bracket grown from {@code start} (the last
     * search's answer); returns {best value, its μ}.
     */
    static double[] bisectMax(DoubleUnaryOperator g, DoubleSupplier supergradient, double start, int steps) {
        double best = g.applyAsDouble(0);
        double bestMu = 0;
        if (!(supergradient.getAsDouble() > 0) || Double.isInfinite(best)) {
            return new double[] {best, 0};
        }
        double lo = 0;
        double hi = start > 0 ? start / 4 : 1e-6;
        double v = g.applyAsDouble(hi);
        while (supergradient.getAsDouble() > 0 && hi < 1e12) {
            if (v > best) {
                best = v;
                bestMu = hi;
            }
            lo = hi;
            hi *= 4;
            v = g.applyAsDouble(hi);
        }
        if (v > best) {
            best = v;
            bestMu = hi;
        }
        for (int step = 0; step < steps; step++) {
            double mid = (lo + hi) / 2;
            v = g.applyAsDouble(mid);
            if (v > best) {
                best = v;
                bestMu = mid;
            }
            if (supergradient.getAsDouble() > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {best, bestMu};
    }
}
