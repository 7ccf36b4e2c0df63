package org.terastal.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.io.json.InstanceFiles;

/**
 * The offline stage: from an instance, its latency table and a load cap to a solution table.
 * Diagnoses what it can before solving, builds the formulation, solves it lexicographically with
 * a back-end, and decodes the plans; when there is no solution, it says why in domain words.
 */
public final class OfflineSolver {
    /** Solution parameter holding the cap, ppm. */
    public static final String CAP_PARAMETER = "capPpm";
    /** Solution parameter present when the cap was chosen rather than given; its one value is {@link #LOWEST_CAP}. */
    public static final String CAP_CHOICE_PARAMETER = "capChoice";
    /** The cap was the busiest engine's load of the plan that minimises it ({@code --cap auto}). */
    public static final String LOWEST_CAP = "lowest";
    /** Solution parameter holding the time unit of the solved model, ns (budgets in the file are in ns whatever it is). */
    public static final String TIME_UNIT_PARAMETER = "timeUnitNs";
    /** The coarsest time unit the offline stage falls back to for a back-end of narrow integers: 1 ms. */
    static final long MAX_TIME_UNIT_NS = 1_000_000;
    /** Solution parameter naming the file of the solution a warm-started solve started from. */
    public static final String WARM_START_FILE = "warmStartFile";
    /** Solution parameter holding the checksum of that file. */
    public static final String WARM_START_CHECKSUM = "warmStartChecksum";

    private OfflineSolver() {
    }

    /**
     * Solves an instance.
     *
     * @param capPpm highest admissible load of any accelerator, ppm
     * @throws IllegalArgumentException     when the back-end cannot take the formulation, or the latency table does not fit
     * @throws BackendUnavailableException  when the back-end cannot be loaded
     */
    public static SolveOutcome solve(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                     SolverSettings settings, long capPpm) {
        return solve(instance, latencies, backend, formulation, settings, capPpm, (phase, phases, objective) -> { });
    }

    /** As {@link #solve(Instance, LatencyTable, Backend, Formulation, SolverSettings, long)}, telling {@code phases} as each phase starts. */
    public static SolveOutcome solve(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                     SolverSettings settings, long capPpm, LexicographicSolve.PhaseListener phases) {
        return solve(instance, latencies, backend, formulation, settings, capPpm, phases, null);
    }

    /**
     * As {@link #solve(Instance, LatencyTable, Backend, Formulation, SolverSettings, long, LexicographicSolve.PhaseListener)},
     * warm-started from an earlier plan (null for none), whose file and checksum the solution records.
     */
    public static SolveOutcome solve(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                     SolverSettings settings, long capPpm, LexicographicSolve.PhaseListener phases, WarmStart warm) {
        long start = System.nanoTime();
        return solve(OfflineProblem.of(instance, latencies, capPpm), false, backend, formulation, settings, phases, start, warm);
    }

    /**
     * Solves an instance at the lowest cap that has a plan: without a cap, so that the first phase
     * finds the lowest busiest-engine load L that meets every deadline, and the later phases keep
     * every load within L, exactly as a solve with cap L would (loads are whole ppm, so L is on the
     * cap's grid). The solution's cap is L, the load of its busiest engine, with
     * {@link #CAP_CHOICE_PARAMETER} {@link #LOWEST_CAP}; its bound of that term says whether L is
     * proven the lowest (equal) or the time limit left a lower cap possible (the bound).
     */
    public static SolveOutcome solveAtLowestCap(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                                SolverSettings settings, LexicographicSolve.PhaseListener phases) {
        return solveAtLowestCap(instance, latencies, backend, formulation, settings, phases, null);
    }

    /** {@link #solveAtLowestCap}, warm-started from an earlier plan (null for none), as {@link #solve} is. */
    public static SolveOutcome solveAtLowestCap(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                                SolverSettings settings, LexicographicSolve.PhaseListener phases, WarmStart warm) {
        long start = System.nanoTime();
        OfflineProblem problem = OfflineProblem.of(instance, latencies, OfflineProblem.PPM);
        return solve(uncapped(problem), true, backend, formulation, settings, phases, start, warm);
    }

    /**
     * Why a back-end cannot solve an instance even in the coarsest time unit it may use
     * ({@link #encode}), or empty when it can.
     */
    public static Optional<String> unsupported(Instance instance, LatencyTable latencies, Backend backend, Formulation formulation,
                                               long capPpm) {
        // whether the figures fit does not depend on the load bound (it only narrows maxLoad's range): skip computing it
        return backend.unsupported(encode(OfflineProblem.of(instance, latencies, capPpm), formulation, backend, 0).ir());
    }

    /**
     * The model of a problem for a back-end: in ns, or else in the first power of ten of ns, up to
     * {@link #MAX_TIME_UNIT_NS}, whose figures the back-end takes ({@link Backend#largestInteger()}).
     * A coarser unit rounds latencies up and deadlines down ({@link OfflineProblem#inTimeUnit}), so
     * its plans are plans in ns; it loses only plans that need the last fraction of a unit.
     *
     * @param loadBoundPpm a lower bound on the busiest load of the problem in ns, ppm (a coarser unit
     *                     only raises loads and lowers deadlines, so it stays a bound there)
     */
    private static OfflineFormulation.Encoding encode(OfflineProblem problem, Formulation formulation, Backend backend, long loadBoundPpm) {
        OfflineFormulation.Encoding e = OfflineFormulation.build(problem, formulation, loadBoundPpm);
        long unit = 1;
        while (e.ir().largestMagnitude() > backend.largestInteger() && unit < MAX_TIME_UNIT_NS) {
            // times shrink with the unit: go straight to the unit that would fit them (a large model takes seconds to build),
            // and on from there if rounding or the ppm figures still do not fit
            long next = unit * 10;
            while (next < MAX_TIME_UNIT_NS && e.ir().largestMagnitude() / (next / unit) > backend.largestInteger()) {
                next *= 10;
            }
            unit = next;
            e = OfflineFormulation.build(problem.inTimeUnit(unit), formulation, loadBoundPpm);
        }
        return e;
    }

    private static SolveOutcome solve(OfflineProblem problem, boolean lowestCap, Backend backend, Formulation formulation,
                                      SolverSettings settings, LexicographicSolve.PhaseListener phases, long start, WarmStart warm) {
        Instance instance = problem.instance();
        LatencyTable latencies = problem.latencies();
        List<String> reasons = Diagnosis.before(problem);
        if (!reasons.isEmpty()) {
            return new SolveOutcome(SolveStatus.INFEASIBLE, null, reasons, "", List.of(), millis(start));
        }
        LoadPlanner.Plan plan = LoadPlanner.plan(problem);
        OfflineFormulation.Encoding encoding = encode(problem, formulation, backend, plan.boundPpm());
        backend.unsupported(encoding.ir()).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (encoding.problem().timeUnitNs() != 1) {
            plan = LoadPlanner.plan(encoding.problem()); // deadlines and latencies in the coarser unit
        }
        // the planner's time counts against the limit: it is part of the solve
        LexicographicSolve.Result lex = LexicographicSolve.solve(encoding.ir(), backend, settings.withTimeLimit(settings.secondsLeft(start)),
                (phase, previous) -> phase == 1 ? OfflineFormulation.flexibleStart(encoding, previous) : previous, phases,
                start(encoding, plan, warm));
        String size = encoding.ir().size();
        long unit = encoding.problem().timeUnitNs();
        switch (lex.status()) {
            case INFEASIBLE -> {
                double left = settings.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
                String reason = lowestCap ? Diagnosis.deadlinesAtAnyLoad() : explainInfeasible(encoding.problem(), formulation, backend, settings, left);
                return new SolveOutcome(SolveStatus.INFEASIBLE, null, List.of(unit == 1 ? reason : reason + Diagnosis.coarseTime(unit, backend.name())),
                        size, lex.phases(), millis(start));
            }
            case UNKNOWN -> {
                return new SolveOutcome(SolveStatus.UNKNOWN, null, List.of(Diagnosis.timedOut(settings.timeLimitSeconds())), size,
                        lex.phases(), millis(start));
            }
            default -> {
                List<ModelPlan> plans = SolutionDecoder.plans(encoding, lex.values());
                Map<String, Long> terms = SolutionDecoder.terms(problem, plans);
                checkAgainstSolver(encoding, lex, terms);
                Map<String, Long> bounds = new LinkedHashMap<>();
                double gap = 0;
                for (PhaseReport phase : lex.phases()) {
                    bounds.put(phase.objective(), phase.bound());
                    if (phase.status() != SolveStatus.OPTIMAL) {
                        // the plan's own term, not the solver's objective value: the solver may leave flex at 0 where
                        // the plan's budgets make a layer flexible, and the file states the plan's term
                        long value = terms.get(phase.objective());
                        gap = Math.abs(value - phase.bound()) / (double) Math.max(1, Math.abs(value));
                    }
                }
                Map<String, String> parameters = new LinkedHashMap<>(settings.asParameters());
                parameters.put(CAP_PARAMETER, Long.toString(lowestCap ? terms.get(Objectives.MAX_LOAD) : problem.capPpm()));
                if (lowestCap) {
                    parameters.put(CAP_CHOICE_PARAMETER, LOWEST_CAP);
                }
                parameters.put(TIME_UNIT_PARAMETER, Long.toString(unit));
                // budgets and loads are only meaningful under the latencies they were computed from
                parameters.put("latencySource", latencies.source());
                if (warm != null) {
                    parameters.put(WARM_START_FILE, warm.file());
                    parameters.put(WARM_START_CHECKSUM, warm.checksum());
                }
                long wall = millis(start);
                Solution solution = new Solution(instance.name(), InstanceFiles.checksum(instance), lex.status(),
                        backend.name() + " " + backend.version(), formulation.label(), terms, bounds, gap, wall, parameters, plans);
                return new SolveOutcome(lex.status(), solution, List.of(), size, lex.phases(), wall);
            }
        }
    }

    /**
     * Where the solve starts: the planner's plan, unless an earlier plan (a warm start) is the
     * better start: it satisfies the load phase and loads the busiest engine no more, or the
     * planner's plan does not satisfy the load phase either (a load over the cap).
     */
    private static long[] start(OfflineFormulation.Encoding e, LoadPlanner.Plan plan, WarmStart warm) {
        long[] planned = LoadPlanner.assignment(plan, e);
        if (warm == null) {
            return planned;
        }
        long[] earlier = warm.assignment(e);
        ModelIr loadPhase = e.ir().phase(0, new long[e.ir().objectives().size()]);
        if (!loadPhase.violations(planned).isEmpty()) {
            return earlier;
        }
        boolean earlierFits = loadPhase.violations(earlier).isEmpty();
        return earlierFits && earlier[e.maxLoad().index()] <= planned[e.maxLoad().index()] ? earlier : planned;
    }

    /** The same problem with a cap no plan can exceed. */
    private static OfflineProblem uncapped(OfflineProblem problem) {
        return problem.withCap(Math.max(problem.capPpm(), problem.maxConceivableLoadPpm()));
    }

    /** Load of each accelerator under a solution's plans, ppm, by the rules of {@link OfflineProblem}. */
    public static long[] loads(Instance instance, LatencyTable latencies, List<ModelPlan> plans) {
        return SolutionDecoder.loads(OfflineProblem.of(instance, latencies, OfflineProblem.PPM), plans);
    }

    /**
     * Deadlines and the cap clash: re-solve the load objective without the cap, within what is
     * left of the time limit, and report how far over the cap the best plan is (and that no load
     * helps when that re-solve is infeasible too).
     */
    private static String explainInfeasible(OfflineProblem problem, Formulation formulation, Backend backend, SolverSettings settings,
                                            double secondsLeft) {
        if (secondsLeft <= 0) {
            return Diagnosis.unexplained(settings.timeLimitSeconds());
        }
        ModelIr ir = OfflineFormulation.build(uncapped(problem), formulation).ir();
        PhaseResult r = backend.solve(ir.phase(0, new long[0]), settings.withTimeLimit(secondsLeft), null);
        if (r.status() == SolveStatus.INFEASIBLE) {
            return Diagnosis.deadlinesAtAnyLoad();
        }
        if (r.status() != SolveStatus.OPTIMAL) {
            return Diagnosis.unexplained(settings.timeLimitSeconds());
        }
        return Diagnosis.loadWithinDeadlines(r.objective(), problem.capPpm());
    }

    /** The decoded terms must agree with the solver's own objective values; a mismatch is a bug in the formulation or decoder. */
    private static void checkAgainstSolver(OfflineFormulation.Encoding e, LexicographicSolve.Result lex, Map<String, Long> terms) {
        long[] v = lex.values();
        long solverMaxLoad = v[e.maxLoad().index()];
        long solverWork = e.ir().objectives().get(1).expr().evaluate(v);
        long solverLoss = e.ir().objectives().get(2).expr().evaluate(v);
        if (terms.get(Objectives.MAX_LOAD) > solverMaxLoad || terms.get(Objectives.MIGRATABLE_WORK) < solverWork
                || terms.get(Objectives.ACCURACY_LOSS) != solverLoss) {
            throw new IllegalStateException("The decoded objective terms " + terms + " disagree with the solver's (maxLoad " + solverMaxLoad
                    + ", migratable work " + solverWork + ", loss " + solverLoss + ")");
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
