package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.domain.Solution;
import org.terastal.io.results.SimOutputs;
import org.terastal.io.results.TraceCsv;
import org.terastal.online.Schedulers;
import org.terastal.sim.check.ScheduleChecker;
import org.terastal.testkit.RandomInstances;
import org.terastal.testkit.RandomInstances.Case;
import org.terastal.testkit.SolutionHeuristics;

/** Random small instances: every policy under both late-frame policies yields a schedule the checker accepts, deterministically. */
class SimulatorPropertyTest {
    private static final int CASES = 40;

    static Stream<Arguments> cases() {
        return LongStream.range(0, CASES).boxed().flatMap(seed -> Schedulers.NAMES.stream()
                .flatMap(s -> Stream.of(LatePolicy.values()).map(p -> Arguments.of(seed, s, p))));
    }

    private static SimResult run(Case c, String scheduler, LatePolicy late, long seed) {
        SolutionProvider solutions = (instance, latency) -> SolutionHeuristics.solve(instance, latency, true);
        return Simulator.run(c.instance(), c.latency(), Schedulers.factory(scheduler, solutions),
                new SimConfig(c.horizonNs(), seed, late, 1.0, true));
    }

    @ParameterizedTest(name = "seed {0} {1} {2}")
    @MethodSource("cases")
    void everyScheduleIsValid(long seed, String scheduler, LatePolicy late) {
        Case c = RandomInstances.generate(seed);
        SimResult r = run(c, scheduler, late, seed);
        Solution solution = Schedulers.needsSolution(scheduler) ? SolutionHeuristics.solve(c.instance(), c.latency(), true) : null;
        List<String> violations = ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), late, solution,
                r.trace().frames(), r.trace().layers());
        assertEquals(List.of(), violations, "generator seed " + seed + ", scheduler " + scheduler + ", late " + late.label());
        assertEquals(r.overall().released(), r.trace().frameCount(), "seed " + seed);
        assertEquals(r.dispatches(), r.trace().layerCount(), "seed " + seed);
        if (late == LatePolicy.CONTINUE) {
            assertEquals(0, r.overall().dropped(), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameSeedSameBytes(long seed, @TempDir Path dir) throws IOException {
        Case c = RandomInstances.generate(seed);
        for (String scheduler : Schedulers.NAMES) {
            Path a = dir.resolve(scheduler + "-a");
            Path b = dir.resolve(scheduler + "-b");
            SimOutputs.writeAll(run(c, scheduler, LatePolicy.DROP, 7), a);
            SimOutputs.writeAll(run(c, scheduler, LatePolicy.DROP, 7), b);
            for (String file : List.of(SimOutputs.SUMMARY, SimOutputs.METRICS, SimOutputs.FRAMES, SimOutputs.TIMELINE)) {
                assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)),
                        "generator seed " + seed + ", " + scheduler + ", " + file);
            }
        }
    }

    static LongStream seeds() {
        return LongStream.range(100, 110);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void filesAloneReproduceTheCheck(long seed, @TempDir Path dir) {
        Case c = RandomInstances.generate(seed);
        SimResult r = run(c, "terastal", LatePolicy.DROP, seed);
        SimOutputs.writeAll(r, dir);
        List<FrameRecord> frames = TraceCsv.readFrames(dir.resolve(SimOutputs.FRAMES));
        List<LayerRecord> layers = TraceCsv.readTimeline(dir.resolve(SimOutputs.TIMELINE));
        assertEquals(r.trace().frames(), frames, "generator seed " + seed);
        assertEquals(r.trace().layers(), layers, "generator seed " + seed);
        assertTrue(ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), LatePolicy.DROP, null, frames, layers).isEmpty(),
                "generator seed " + seed);
    }
}
