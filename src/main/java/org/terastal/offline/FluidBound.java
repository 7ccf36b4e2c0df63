package org.terastal.offline;

import java.util.Arrays;
import java.util.List;

/**
 * A lower bound on the busiest accelerator's load when every layer may be split at will between
 * accelerators (the linear relaxation of the load objective, deadlines ignored):
 * {@code min T s.t. Σ_l y[l][a]·w[l][a] ≤ T, Σ_a y[l][a] = 1, y ≥ 0}.
 *
 * <p>It is computed through the dual {@code max over λ in the simplex of Σ_l min_a λ_a·w[l][a]},
 * whose every point is a valid bound (weak duality). With one or two accelerators the maximum is
 * found exactly (the dual is a concave piecewise-linear function of one variable, maximal at a
 * breakpoint); with more, projected supergradient ascent gives a bound at most a little below
 * the relaxation's optimum, still valid.
 */
final class FluidBound {
    private static final int ITERATIONS = 4000;

    private FluidBound() {
    }

    /**
     * @param work per layer, its smallest load on each accelerator (ppm); every row as long as the number of accelerators
     */
    static double of(List<long[]> work, int accelerators) {
        if (work.isEmpty()) {
            return 0;
        }
        if (accelerators == 1) {
            return work.stream().mapToDouble(w -> w[0]).sum();
        }
        if (accelerators == 2) {
            return twoEngines(work);
        }
        return ascent(work, accelerators);
    }

    /** g(λ) = Σ_l min(λ·w0, (1−λ)·w1) is concave; its maximum lies at a breakpoint w1/(w0+w1) or an end. */
    private static double twoEngines(List<long[]> work) {
        int n = work.size();
        double[] breaks = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            long[] w = work.get(i);
            breaks[i] = w[0] + w[1] == 0 ? 0 : (double) w[1] / (w[0] + w[1]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(breaks[a], breaks[b]));
        // sweep λ upward: a layer whose breakpoint is below λ contributes (1−λ)·w1, the others λ·w0
        double sumW0Above = work.stream().mapToDouble(w -> w[0]).sum();
        double sumW1Below = 0;
        double best = 0; // g(0) = g(1) = 0
        for (int k = 0; k < n; k++) {
            double lambda = breaks[order[k]];
            best = Math.max(best, lambda * sumW0Above + (1 - lambda) * sumW1Below);
            long[] w = work.get(order[k]);
            sumW0Above -= w[0];
            sumW1Below += w[1];
        }
        return best;
    }

    private static double ascent(List<long[]> work, int accs) {
        double[] lambda = new double[accs];
        Arrays.fill(lambda, 1.0 / accs);
        double best = 0;
        for (int it = 1; it <= ITERATIONS; it++) {
            double value = 0;
            double[] grad = new double[accs];
            for (long[] w : work) {
                int arg = 0;
                double min = lambda[0] * w[0];
                for (int a = 1; a < accs; a++) {
                    double v = lambda[a] * w[a];
                    if (v < min) {
                        min = v;
                        arg = a;
                    }
                }
                value += min;
                grad[arg] += w[arg];
            }
            best = Math.max(best, value);
            if (!ascend(lambda, grad, it)) {
                break;
            }
        }
        return best;
    }

    /**
     * One step of projected supergradient ascent on the simplex, of length 1/(2·sqrt(it)) in
     * λ-space (the classic convergent schedule).
     *
     * @return false when the supergradient is zero (λ is optimal)
     */
    static boolean ascend(double[] lambda, double[] grad, int it) {
        double norm = Math.sqrt(Arrays.stream(grad).map(g -> g * g).sum());
        if (norm == 0) {
            return false;
        }
        double step = 0.5 / Math.sqrt(it) / norm;
        for (int a = 0; a < lambda.length; a++) {
            lambda[a] += step * grad[a];
        }
        projectOntoSimplex(lambda);
        return true;
    }

    /** Euclidean projection onto {λ ≥ 0, Σλ = 1} (sort-based). */
    static void projectOntoSimplex(double[] v) {
        double[] u = v.clone();
        Arrays.sort(u);
        double cumulative = 0;
        double theta = 0;
        for (int i = u.length - 1, k = 1; i >= 0; i--, k++) {
            cumulative += u[i];
            double t = (cumulative - 1) / k;
            if (u[i] - t > 0) {
                theta = t;
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, v[i] - theta);
        }
    }
}
