package org.terastal.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        OfflineProblem problem = OfflineProblem.of(instance, latencies, capPpm);
        List<String> reasons = Diagnosis.before(problem);
        if (!reasons.isEmpty()) {
            return new SolveOutcome(SolveStatus.INFEASIBLE, null, reasons, "", List.of(), millis(start));
        }
        OfflineFormulation.Encoding encoding = OfflineFormulation.build(problem, formulation);
        backend.unsupported(encoding.ir()).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        LexicographicSolve.Result lex = LexicographicSolve.solve(encoding.ir(), backend, settings,
                (phase, previous) -> phase == 1 ? OfflineFormulation.greedyFlexibility(encoding, previous) : previous, phases,
                warm == null ? null : warm.assignment(encoding));
        String size = encoding.ir().size();
        switch (lex.status()) {
            case INFEASIBLE -> {
                double left = settings.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
                return new SolveOutcome(SolveStatus.INFEASIBLE, null, List.of(explainInfeasible(problem, formulation, backend, settings, left)),
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
                parameters.put(CAP_PARAMETER, Long.toString(capPpm));
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

    /** Load of each accelerator under a solution's plans, ppm, by the rules of {@link OfflineProblem}. */
    public static long[] loads(Instance instance, LatencyTable latencies, List<ModelPlan> plans) {
        return SolutionDecoder.loads(OfflineProblem.of(instance, latencies, OfflineProblem.PPM), plans);
    }

    /**
     * Deadlines and the cap clash: re-solve the load objective without the cap, within what is
     * left of the time limit, and report how far over the cap the best plan is.
     */
    private static String explainInfeasible(OfflineProblem problem, Formulation formulation, Backend backend, SolverSettings settings,
                                            double secondsLeft) {
        if (secondsLeft <= 0) {
            return Diagnosis.unexplained(settings.timeLimitSeconds());
        }
        OfflineProblem uncapped = problem.withCap(Math.max(problem.capPpm(), problem.maxConceivableLoadPpm()));
        ModelIr ir = OfflineFormulation.build(uncapped, formulation).ir();
        PhaseResult r = backend.solve(ir.phase(0, new long[0]), settings.withTimeLimit(secondsLeft), null);
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
