package org.terastal.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.json.InstanceFiles;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.sim.check.ScheduleChecker;
import org.terastal.testkit.RandomInstances;
import org.terastal.testkit.RandomInstances.Case;

/**
 * The policy of "Writing a scheduler" in docs/online.md: the page shows exactly this source, and
 * the policy runs through the simulator to schedules the independent checker accepts.
 */
class WritingASchedulerTest {
    private static final Path DOC = Path.of("docs/online.md");
    private static final Path SOURCE = Path.of("src/test/java/org/terastal/example/LeastLaxityScheduler.java");
    /** The line of the page that the policy's code block follows. */
    private static final String MARKER = "<!-- src/test/java/org/terastal/example/LeastLaxityScheduler.java from its imports on -->";

    @Test
    void thePageShowsThePolicysSource() throws IOException {
        String page = Files.readString(DOC);
        int marker = page.indexOf(MARKER);
        assertTrue(marker >= 0, DOC + " lacks the line " + MARKER);
        int open = page.indexOf("```java\n", marker) + "```java\n".length();
        String shown = page.substring(open, page.indexOf("```\n", open));
        String source = Files.readString(SOURCE);
        assertEquals(source.substring(source.indexOf("import ")), shown, "copy " + SOURCE + " into " + DOC + " again");
    }

    @ParameterizedTest
    @EnumSource(LatePolicy.class)
    void schedulesAShippedMixValidly(LatePolicy late) {
        Instance instance = InstanceFiles.read(Path.of("instances/skewed-vision.json"));
        LatencyTable latency = LatencyInputs.forInstance(instance, null);
        for (double load : new double[] {0.8, 1.4}) {
            SimResult r = Simulator.run(instance, latency, (inst, lat) -> new LeastLaxityScheduler(),
                    new SimConfig(2_000_000_000L, 1, late, load, true));
            assertEquals("llf", r.scheduler());
            assertTrue(r.overall().onTime() > 0, "no frame on time at load " + load);
            assertEquals(List.of(), ScheduleChecker.check(instance.withLoad(load), latency, 2_000_000_000L, late, null,
                    r.trace().frames(), r.trace().layers()), "load " + load);
        }
    }

    /** Random instances with cascades, jitter, offsets and several engines. */
    @Test
    void schedulesRandomInstancesValidly() {
        for (long seed = 0; seed < 20; seed++) {
            Case c = RandomInstances.generate(seed);
            for (LatePolicy late : LatePolicy.values()) {
                SimResult r = Simulator.run(c.instance(), c.latency(), (inst, lat) -> new LeastLaxityScheduler(),
                        new SimConfig(c.horizonNs(), 1, late, 1.0, true));
                assertEquals(List.of(), ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), late, null,
                        r.trace().frames(), r.trace().layers()), "generator seed " + seed + ", " + late);
            }
        }
    }
}
