package org.terastal.offline;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.SolveStatus;

/**
 * Solves a model's objectives in lexicographic order, one phase per objective: each optimum is
 * then held as a constraint ({@link ModelIr#phase}) while the next objective is optimised, and
 * the previous phase's solution is the next phase's hint. The time limit covers all phases. Every
 * assignment a back-end returns is checked against the phase's model before it is used.
 */
public final class LexicographicSolve {

    /**
     * The outcome.
     *
     * @param status        OPTIMAL when every phase was proven optimal; FEASIBLE when the limit cut a phase
     *                      short (later phases are not solved); INFEASIBLE or UNKNOWN when the first phase found nothing
     *                      (and no warm start satisfies it)
     * @param values        the final assignment, or null
     * @param phases        one report per phase run
     * @param wallTimeNanos total wall time
     */
    public record Result(SolveStatus status, long[] values, List<PhaseReport> phases, long wallTimeNanos) {
        public Result {
            phases = List.copyOf(phases);
        }
    }

    /** Turns the previous phase's solution into the start of the next phase (identity by default). */
    @FunctionalInterface
    public interface StartBuilder {
        long[] start(int phase, long[] previous);
    }

    /** Hears when each phase starts, e.g. to show it on a progress bar. */
    @FunctionalInterface
    public interface PhaseListener {
        /**
         * @param phase     0-based phase
         * @param phases    number of phases
         * @param objective the phase's objective term
         */
        void starting(int phase, int phases, String objective);
    }

    private LexicographicSolve() {
    }

    public static Result solve(ModelIr ir, Backend backend, SolverSettings settings) {
        return solve(ir, backend, settings, (phase, previous) -> previous);
    }

    /**
     * As {@link #solve(ModelIr, Backend, SolverSettings)}, each phase after the first starting from
     * {@code starts}' answer when that satisfies the phase's model (else from the previous solution).
     */
    public static Result solve(ModelIr ir, Backend backend, SolverSettings settings, StartBuilder starts) {
        return solve(ir, backend, settings, starts, (phase, phases, objective) -> { });
    }

    /** As {@link #solve(ModelIr, Backend, SolverSettings, StartBuilder)}, telling {@code listener} as each phase starts. */
    public static Result solve(ModelIr ir, Backend backend, SolverSettings settings, StartBuilder starts, PhaseListener listener) {
        return solve(ir, backend, settings, starts, listener, null);
    }

    /**
     * As {@link #solve(ModelIr, Backend, SolverSettings, StartBuilder, PhaseListener)}, with a warm start:
     * {@code warm} (a full assignment, which need not satisfy the model, or null) is the first
     * phase's hint, and a later phase's hint instead of the previous phase's answer when it
     * satisfies that phase's model and its objective is better there. When a phase's start satisfies
     * the phase's model (for the first phase: when {@code warm} does), it is the phase's answer
     * should the back-end end without a better one within the time limit (FEASIBLE), and without
     * calling the back-end at all when its objective already equals the best the objective's
     * expression can take over the variables' ranges (OPTIMAL: e.g. the busiest load at its proven
     * lower bound).
     */
    public static Result solve(ModelIr ir, Backend backend, SolverSettings settings, StartBuilder starts, PhaseListener listener,
                               long[] warm) {
        long start = System.nanoTime();
        long limitNanos = (long) (settings.timeLimitSeconds() * 1e9);
        int n = ir.objectives().size();
        long[] optima = new long[n];
        long[] best = null;
        List<PhaseReport> phases = new ArrayList<>();
        for (int k = 0; k < Math.max(1, n); k++) {
            ModelIr phase = n == 0 ? ir : ir.phase(k, optima);
            ModelIr.Objective objective = n == 0 ? null : ir.objectives().get(k);
            String term = n == 0 ? "feasibility" : objective.name();
            long[] hint = best == null ? warm : best;
            if (best != null) {
                long[] built = starts.start(k, best);
                hint = built != best && phase.violations(built).isEmpty() ? built : best;
                if (warm != null && n > 0 && better(objective, warm, hint) && phase.violations(warm).isEmpty()) {
                    hint = warm;
                }
            }
            // a start that satisfies the phase is a plan already: the limit never leaves a solve with less
            long[] incumbent = best != null ? hint : hint != null && n > 0 && phase.violations(hint).isEmpty() ? hint : null;
            if (incumbent != null && attainsBound(objective, incumbent)) {
                // no plan can do better than the objective's proven bound: optimal without a search
                long value = objective.expr().evaluate(incumbent);
                phases.add(new PhaseReport(term, SolveStatus.OPTIMAL, value, value, 0, 0, 0));
                best = incumbent;
                optima[k] = value;
                continue;
            }
            long remaining = limitNanos - (System.nanoTime() - start);
            if (remaining <= 0) {
                if (incumbent == null) {
                    return new Result(SolveStatus.UNKNOWN, null, phases, System.nanoTime() - start);
                }
                phases.add(unsolved(objective, incumbent, 0, 0, 0));
                return new Result(SolveStatus.FEASIBLE, incumbent, phases, System.nanoTime() - start);
            }
            listener.starting(k, Math.max(1, n), term);
            PhaseResult r = backend.solve(phase, settings.withTimeLimit(remaining / 1e9), hint);
            if (r.values() != null) {
                List<String> broken = phase.violations(r.values());
                if (!broken.isEmpty()) {
                    throw new IllegalStateException("The " + backend.name() + " solver returned an assignment that breaks " + broken.size()
                            + " constraints of phase " + term + ", e.g. " + broken.subList(0, Math.min(3, broken.size())));
                }
            }
            switch (r.status()) {
                case OPTIMAL -> {
                    phases.add(report(objective, term, r));
                    best = r.values();
                    if (n > 0) {
                        optima[k] = r.objective();
                    }
                }
                case FEASIBLE -> {
                    if (incumbent != null && better(objective, incumbent, r.values())) {
                        phases.add(new PhaseReport(term, SolveStatus.FEASIBLE, objective.expr().evaluate(incumbent), tighter(objective, r.bound()),
                                r.branches(), r.conflicts(), r.wallTimeNanos()));
                        return new Result(SolveStatus.FEASIBLE, incumbent, phases, System.nanoTime() - start);
                    }
                    phases.add(report(objective, term, r));
                    return new Result(SolveStatus.FEASIBLE, r.values(), phases, System.nanoTime() - start);
                }
                case INFEASIBLE -> {
                    if (incumbent != null) {
                        throw new IllegalStateException("The " + backend.name() + " solver calls phase " + term
                                + " infeasible although a known assignment satisfies it");
                    }
                    phases.add(report(objective, term, r));
                    return new Result(SolveStatus.INFEASIBLE, null, phases, System.nanoTime() - start);
                }
                case UNKNOWN -> {
                    if (incumbent == null) {
                        phases.add(report(objective, term, r));
                        return new Result(SolveStatus.UNKNOWN, null, phases, System.nanoTime() - start);
                    }
                    phases.add(unsolved(objective, incumbent, r.branches(), r.conflicts(), r.wallTimeNanos()));
                    return new Result(SolveStatus.FEASIBLE, incumbent, phases, System.nanoTime() - start);
                }
            }
        }
        return new Result(SolveStatus.OPTIMAL, best, phases, System.nanoTime() - start);
    }

    /** Whether an assignment's objective value equals the best its expression can take over the variables' ranges. */
    private static boolean attainsBound(ModelIr.Objective o, long[] values) {
        if (o == null) {
            return false;
        }
        long v = o.expr().evaluate(values);
        return o.sense() == ModelIr.Sense.MINIMISE ? v <= o.expr().min() : v >= o.expr().max();
    }

    private static boolean better(ModelIr.Objective o, long[] a, long[] b) {
        long x = o.expr().evaluate(a);
        long y = o.expr().evaluate(b);
        return o.sense() == ModelIr.Sense.MINIMISE ? x < y : x > y;
    }

    /** The limit struck before a phase improved on its hint: the hint's value, and the bound of the variables' ranges. */
    private static PhaseReport unsolved(ModelIr.Objective o, long[] hint, long branches, long conflicts, long nanos) {
        long bound = o.sense() == ModelIr.Sense.MINIMISE ? o.expr().min() : o.expr().max();
        return new PhaseReport(o.name(), SolveStatus.FEASIBLE, o.expr().evaluate(hint), bound, branches, conflicts, nanos);
    }

    private static PhaseReport report(ModelIr.Objective o, String term, PhaseResult r) {
        long bound = o == null ? r.bound() : tighter(o, r.bound());
        return new PhaseReport(term, r.status(), r.objective(), bound, r.branches(), r.conflicts(), r.wallTimeNanos());
    }

    /**
     * A back-end's bound, or the objective's own over the variables' ranges when that is tighter: a
     * MIP solver that has not finished its root reports none (±infinity), while the range of
     * {@code maxLoad} starts at the load planner's bound.
     */
    private static long tighter(ModelIr.Objective o, long bound) {
        return o.sense() == ModelIr.Sense.MINIMISE ? Math.max(bound, o.expr().min()) : Math.min(bound, o.expr().max());
    }
}
