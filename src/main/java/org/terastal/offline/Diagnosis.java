package org.terastal.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terastal.domain.Implementation;
import org.terastal.domain.Model;
import org.terastal.offline.OfflineProblem.LayerData;
import org.terastal.offline.OfflineProblem.ModelData;

/**
 * Why an instance has no plan, in the instance's own words. The checks before solving are
 * relaxations, so whatever they report is a proof of infeasibility:
 * <ul>
 *   <li>a model's chain, every layer at its fastest (any accelerator, admissible variants), is
 *       longer than its deadline; when only inadmissible variants would make it fit, the
 *       accuracy floor is named as the cause;</li>
 *   <li>the {@link FluidBound} of the busiest accelerator's load is above the cap (likewise
 *       naming the floors when every candidate variant would bring it under).</li>
 * </ul>
 * Load reasons name the cap an instance needs: at least the bound, or exactly the lowest load
 * that meets every deadline when the solver proved infeasibility and the caller re-solved
 * without the cap.
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /** Every reason found before solving; empty when none. */
    public static List<String> before(OfflineProblem p) {
        List<String> reasons = new ArrayList<>();
        for (ModelData m : p.models()) {
            long fastest = m.fastestChainNs();
            if (fastest <= m.deadlineNs()) {
                continue;
            }
            long withAll = fastestChainWithEveryCandidate(p, m);
            if (withAll <= m.deadlineNs()) {
                String[] f = format(fastest, m.deadlineNs(), withAll);
                reasons.add("model " + m.id() + ": the fastest possible chain takes " + f[0] + " ms with the variants its accuracy floor "
                        + m.model().accuracyFloor() + " admits, over its deadline of " + f[1] + " ms; with every candidate variant it would take "
                        + f[2] + " ms, but no measured set of them keeps every subset at or above the floor; maybe lower the floor or measure "
                        + "more combinations");
            } else {
                String[] f = format(fastest, m.deadlineNs());
                reasons.add("model " + m.id() + ": the fastest possible chain takes " + f[0] + " ms, over its deadline of " + f[1]
                        + " ms; maybe lower its frame rate or give its tasks a later deadline");
            }
        }
        int accs = p.accelerators().size();
        double bound = FluidBound.of(OfflineFormulation.fastestLoads(p), accs);
        if (bound > p.capPpm()) {
            double withAll = FluidBound.of(loadsWithEveryCandidate(p), accs);
            String[] f = loads(bound, p.capPpm(), withAll);
            String head = "the accelerators cannot carry the load: even with every layer split at will between engines and every "
                    + "admissible variant in use, the busiest engine is at " + f[0] + ", over the cap " + f[1];
            // the bound is a proof, so no cap below it has a plan; loads are whole ppm, so that is one above the cap at least
            long needed = Math.max(p.capPpm() + 1, (long) Math.ceil(bound - 1e-6));
            String needs = "; it needs at least " + capOption(needed) + " (--cap auto solves at the lowest cap that has a plan)";
            reasons.add(withAll <= p.capPpm()
                    ? head + "; every candidate variant would bring it to " + f[2] + ", but the accuracy floors do not admit them all" + needs
                            + "; maybe lower a floor or measure more combinations"
                    : head + needs + "; maybe lower the frame rates");
        }
        return reasons;
    }

    /** The reason when deadlines and the cap clash: the best plan meeting every deadline loads the busiest engine at {@code bestPpm}. */
    public static String loadWithinDeadlines(long bestPpm, long capPpm) {
        String[] f = loads(bestPpm, capPpm);
        return "the accelerators cannot carry the load within the deadlines: the best plan meeting every deadline puts the busiest engine at "
                + f[0] + ", over the cap " + f[1] + "; it needs " + capOption(bestPpm) + " (or --cap auto); maybe lower the frame rates "
                + "or give the tasks later deadlines";
    }

    /** The reason when no plan meets every deadline whatever the load (a solve at the lowest cap proved infeasible). */
    public static String deadlinesAtAnyLoad() {
        return "no plan meets every deadline at any load: the chains fit one by one, but not with the variant sets the accuracy floors "
                + "admit and the accelerators' latencies together; maybe give the tasks later deadlines or lower a floor";
    }

    /** What to add to a reason found with times in a unit coarser than ns. */
    public static String coarseTime(long unitNs, String backend) {
        return " (the " + backend + " solver took times in units of " + unitNs + " ns, latencies rounded up and deadlines down, to fit its "
                + "integers; maybe --solver cpsat, which takes ns)";
    }

    /** The command-line option that sets a cap of {@code ppm}, exact: {@code --cap 1.213457}. */
    public static String capOption(long ppm) {
        return "--cap " + exactLoad(ppm);
    }

    /** A load in ppm as the exact fraction of a fully busy engine it is (at most six decimals): 1213457 → {@code 1.213457}. */
    public static String exactLoad(long ppm) {
        return java.math.BigDecimal.valueOf(ppm, 6).stripTrailingZeros().toPlainString();
    }

    /** The reason when the solver proved infeasibility but the re-solve without the cap did not finish in time. */
    public static String unexplained(double timeLimitSeconds) {
        return "no plan meets every deadline within the cap, and the re-solve without the cap that would show the lowest reachable load "
                + "did not finish within the time limit of " + seconds(timeLimitSeconds) + " s; maybe raise the time limit";
    }

    /** The reason when the solver found no plan and proved nothing within the limit. */
    public static String timedOut(double timeLimitSeconds) {
        return "no plan was found within the time limit of " + seconds(timeLimitSeconds) + " s, and none was proven impossible; "
                + "maybe raise the time limit";
    }

    private static long fastestChainWithEveryCandidate(OfflineProblem p, ModelData m) {
        Model model = m.model();
        long sum = 0;
        for (int l = 0; l < m.layers().size(); l++) {
            LayerData layer = m.layers().get(l);
            long best = Long.MAX_VALUE;
            for (int a = 0; a < p.accelerators().size(); a++) {
                best = Math.min(best, layer.latency(Implementation.ORIGINAL, a));
                if (model.candidate(layer.name()).isPresent()) {
                    best = Math.min(best, p.latencies().get(m.id(), l, Implementation.VARIANT, a));
                }
            }
            sum += best;
        }
        return sum;
    }

    private static List<long[]> loadsWithEveryCandidate(OfflineProblem p) {
        List<long[]> work = new ArrayList<>();
        int accs = p.accelerators().size();
        for (ModelData m : p.models()) {
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                boolean candidate = m.model().candidate(layer.name()).isPresent();
                long[] w = new long[accs];
                for (int a = 0; a < accs; a++) {
                    w[a] = layer.load(Implementation.ORIGINAL, a);
                    if (candidate) {
                        w[a] = Math.min(w[a], OfflineProblem.loadPpm(p.latencies().get(m.id(), l, Implementation.VARIANT, a), m.fps()));
                    }
                }
                work.add(w);
            }
        }
        return work;
    }

    /** Nanoseconds as ms with one decimal, more where one decimal would make different figures look equal. */
    private static String[] format(long... ns) {
        for (int decimals = 1; ; decimals++) {
            String[] out = new String[ns.length];
            boolean distinct = true;
            for (int i = 0; i < ns.length; i++) {
                out[i] = String.format(Locale.ROOT, "%." + decimals + "f", ns[i] / 1e6);
                for (int j = 0; j < i; j++) {
                    distinct &= ns[i] == ns[j] || !out[i].equals(out[j]);
                }
            }
            if (distinct || decimals >= 6) {
                return out;
            }
        }
    }

    /** Loads in ppm as fractions of a fully busy engine with two decimals, more where needed to tell them apart. */
    private static String[] loads(double... ppm) {
        for (int decimals = 2; ; decimals++) {
            String[] out = new String[ppm.length];
            boolean distinct = true;
            for (int i = 0; i < ppm.length; i++) {
                out[i] = String.format(Locale.ROOT, "%." + decimals + "f", ppm[i] / OfflineProblem.PPM);
                for (int j = 0; j < i; j++) {
                    distinct &= ppm[i] == ppm[j] || !out[i].equals(out[j]);
                }
            }
            if (distinct || decimals >= 6) {
                return out;
            }
        }
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
