package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.backends.Backends;

/**
 * The load planner's bound is a true lower bound (never above a proven optimum) and its plan
 * satisfies every constraint of the load objective, close to the bound.
 */
class LoadPlannerTest {

    static Stream<Path> shippedSolutions() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("solutions"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static OfflineProblem problemOf(Path solutionFile) {
        String name = solutionFile.getFileName().toString().replace(".maestro.json", ".json");
        Instance instance = InstanceFiles.read(Path.of("instances", name));
        LatencyTable latencies = solutionFile.toString().endsWith(".maestro.json") ? TestInstances.latencies(instance)
                : LatencyInputs.forInstance(instance, null);
        return OfflineProblem.of(instance, latencies, OfflineProblem.PPM);
    }

    /** Checks the plan against the load phase's model and returns its busiest load. */
    private static long checkedPlan(OfflineProblem p, LoadPlanner.Plan plan) {
        OfflineFormulation.Encoding e = OfflineFormulation.build(p, Formulation.TABLE, plan.boundPpm());
        long[] values = LoadPlanner.assignment(plan, e);
        assertEquals(List.of(), e.ir().phase(0, new long[e.ir().objectives().size()]).violations(values));
        assertEquals(plan.maxLoadPpm(), values[e.maxLoad().index()]);
        return plan.maxLoadPpm();
    }

    @ParameterizedTest
    @MethodSource("shippedSolutions")
    void boundAtMostTheShippedOptimumAndPlanWithinATenthOfAPercent(Path file) {
        Solution shipped = SolutionFiles.read(file);
        assertEquals(SolveStatus.OPTIMAL, shipped.status());
        long optimum = shipped.objective().get(Objectives.MAX_LOAD);
        OfflineProblem p = problemOf(file);
        LoadPlanner.Plan plan = LoadPlanner.plan(p);
        assertTrue(plan.boundPpm() <= optimum, "bound " + plan.boundPpm() + " above the optimum " + optimum);
        assertEquals(plan.boundPpm(), LoadPlanner.bound(p));
        long planned = checkedPlan(p, plan);
        assertTrue(planned >= optimum && planned <= optimum * 1.001, "plan " + planned + " against the optimum " + optimum);
    }

    /** Seeded: small generated instances on two to four accelerators, against CP-SAT without the planner's bound. */
    @Test
    void boundNeverAboveTheOptimumOnGeneratedInstances() {
        long seed = new SplittableRandom().nextLong(1, 1_000_000);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 6; i++) {
            int accs = 2 + i % 3;
            long instanceSeed = random.nextLong(1, 1_000_000);
            Instance instance = InstanceGenerator.generate(new InstanceGenerator.Settings(instanceSeed, 2 + random.nextInt(2),
                    7 + random.nextInt(8), accs, 0.2 + random.nextDouble() / 2));
            LatencyTable latencies = SyntheticLatencies.of(instance);
            OfflineProblem p = OfflineProblem.of(instance, latencies, OfflineProblem.PPM);
            LoadPlanner.Plan plan = LoadPlanner.plan(p);
            String where = "seed " + seed + ", instance seed " + instanceSeed + " (" + accs + " accelerators)";
            // the optimum of a model that does not know the planner's bound
            OfflineProblem capped = p.withCap(p.maxConceivableLoadPpm());
            ModelIr loadPhase = OfflineFormulation.build(capped, Formulation.TABLE, 0).ir().phase(0, new long[3]);
            PhaseResult solved = Backends.create("cpsat").solve(loadPhase, new SolverSettings(1, 0, 10, true), null);
            // the optimum, or when CP-SAT cannot prove it in time a plan's load, which is at least the optimum
            assertTrue(solved.status() == SolveStatus.OPTIMAL || solved.status() == SolveStatus.FEASIBLE, where + ": " + solved.status());
            long optimum = solved.objective();
            assertTrue(plan.boundPpm() <= optimum, where + ": bound " + plan.boundPpm() + " above " + solved.status() + " " + optimum);
            long planned = checkedPlan(capped, plan);
            assertTrue(solved.status() != SolveStatus.OPTIMAL || planned >= optimum, where);
        }
    }

    /** A back-end that reports no bound of its own (a MIP solver stopped before its root) leaves the planner's in the solution. */
    @Test
    void theReportedBoundIsNeverBelowThePlannersBound() {
        Instance six = TestInstances.named("six");
        LatencyTable latencies = TestInstances.latencies(six);
        Backend cpsat = Backends.create("cpsat");
        Backend noBound = new Backend() {
            @Override
            public String name() {
                return "no-bound";
            }

            @Override
            public String version() {
                return "0";
            }

            @Override
            public java.util.Optional<String> unsupported(ModelIr ir) {
                return java.util.Optional.empty();
            }

            @Override
            public PhaseResult solve(ModelIr ir, SolverSettings settings, long[] hint) {
                PhaseResult r = cpsat.solve(ir, settings.withTimeLimit(Math.min(0.5, settings.timeLimitSeconds())), hint);
                // the hint back, worse than nothing: no bound at all
                return new PhaseResult(SolveStatus.FEASIBLE, hint, ir.objectives().get(0).expr().evaluate(hint),
                        ir.objectives().get(0).sense() == ModelIr.Sense.MINIMISE ? Long.MIN_VALUE : Long.MAX_VALUE, r.branches(),
                        r.conflicts(), r.wallTimeNanos());
            }
        };
        SolveOutcome outcome = OfflineSolver.solve(six, latencies, noBound, Formulation.TABLE, SolverSettings.defaults(), OfflineProblem.PPM);
        long bound = LoadPlanner.bound(OfflineProblem.of(six, latencies, OfflineProblem.PPM));
        assertEquals(SolveStatus.FEASIBLE, outcome.status());
        assertEquals(bound, outcome.solution().bound().get(Objectives.MAX_LOAD));
        long value = outcome.solution().objective().get(Objectives.MAX_LOAD);
        assertEquals((value - bound) / (double) value, outcome.solution().gap(), 1e-12);
    }

    /** The generated 32×200×4 instance: a plan within 1% of the bound, under both latency sources. */
    @Test
    @Tag("slow")
    void largestGeneratedInstanceWithinOnePercent() {
        Instance instance = InstanceGenerator.generate(new InstanceGenerator.Settings(1, 32, 200, 4, 0.5));
        for (LatencyTable latencies : List.of(LatencyInputs.forInstance(instance, null), SyntheticLatencies.of(instance))) {
            OfflineProblem p = OfflineProblem.of(instance, latencies, OfflineProblem.PPM);
            LoadPlanner.Plan plan = LoadPlanner.plan(p);
            long planned = checkedPlan(p.withCap(p.maxConceivableLoadPpm()), plan);
            assertTrue(planned <= plan.boundPpm() * 1.01, latencies.source() + ": plan " + planned + ", bound " + plan.boundPpm());
        }
    }
}
