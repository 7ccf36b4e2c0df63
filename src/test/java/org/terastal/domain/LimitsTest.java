package org.terastal.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {
    private static final Platform PLATFORM = new Platform("p", List.of(new Accelerator("a", Dataflow.WS, 256, 1000, 16, 16, 0, 0)));

    private static Layer layer(String name) {
        return new Layer(name, LayerType.CONV, 1, 8, 8, 8, 8, 3, 3, 1, 1);
    }

    private static Model model(String id) {
        return new Model(id, "", List.of(layer("l")), List.of(), null, 1);
    }

    private static Task task(String id, double fps, long deadline) {
        return new Task(id, "m", fps, deadline, 0, 0, null, 1);
    }

    private static Instance instance(String name, Task... tasks) {
        return new Instance(name, "", PLATFORM, List.of(model("m")), List.of(tasks));
    }

    /** Every name that becomes a file name, built from a candidate name. */
    private static final List<Function<String, Object>> NAMED = List.of(
            name -> instance(name, task("t", 30, 0)), LimitsTest::model, LimitsTest::layer, name -> task(name, 30, 0));

    @ParameterizedTest
    @ValueSource(strings = {"../escaped", "a/b", "a\\b", "..", ".hidden", "-flag", "two words", "a,b", "line\nbreak", "café"})
    void namesThatAreNotSafeFileNamesAreRejected(String name) {
        for (Function<String, Object> build : NAMED) {
            DomainException e = assertThrows(DomainException.class, () -> build.apply(name));
            assertTrue(e.getMessage().contains("must be letters, digits, '.', '-' and '_'"), e.getMessage());
            assertTrue(e.path().equals("name") || e.path().equals("id"), e.path());
        }
    }

    @Test
    void namesWithinTheRuleAreAccepted() {
        for (String name : List.of("resnet50", "xrbench-AR_gaming", "v1.2", "_x", "n".repeat(Limits.MAX_NAME_LENGTH))) {
            for (Function<String, Object> build : NAMED) {
                assertDoesNotThrow(() -> build.apply(name), name);
            }
        }
        assertThrows(DomainException.class, () -> model("n".repeat(Limits.MAX_NAME_LENGTH + 1)));
    }

    @Test
    void theSuggestedNameFollowsTheRule() {
        DomainException e = assertThrows(DomainException.class, () -> model("../../my model"));
        assertTrue(e.getMessage().endsWith("maybe my_model"), e.getMessage());
    }

    @Test
    void timesNearTheLongRangeAreRejectedNotWrapped() {
        DomainException e = assertThrows(DomainException.class, () -> task("t", 30, Long.MAX_VALUE));
        assertEquals("deadlineNs", e.path());
        assertEquals("The deadlineNs (9223372036854775807 ns) of task 't' must be in [0, 1e13] ns", e.getMessage());
        assertEquals("offsetNs", assertThrows(DomainException.class, () -> new Task("t", "m", 30, 0, Limits.MAX_TIME_NS + 1, 0, null, 1)).path());
        assertEquals("jitterNs", assertThrows(DomainException.class, () -> new Task("t", "m", 30, 0, 0, Long.MAX_VALUE, null, 1)).path());
        assertDoesNotThrow(() -> new Task("t", "m", 30, Limits.MAX_TIME_NS, Limits.MAX_TIME_NS, Limits.MAX_TIME_NS, null, 1));
    }

    @Test
    void ratesAndWeightsHaveARange() {
        assertEquals("The fps (1e9) of task 't' must be in [0.001, 1000000]",
                assertThrows(DomainException.class, () -> task("t", 1e9, 0)).getMessage());
        assertThrows(DomainException.class, () -> task("t", 1e-4, 0));
        assertDoesNotThrow(() -> task("t", Limits.MAX_FPS, 0));
        assertDoesNotThrow(() -> task("t", Limits.MIN_FPS, 0));
        assertEquals("weight", assertThrows(DomainException.class, () -> new Task("t", "m", 30, 0, 0, 0, null, 1e300)).path());
    }

    @Test
    void aLoadThatPushesARateBeyondTheRangeIsNamed() {
        Instance fast = instance("fast", task("t", Limits.MAX_FPS, 0));
        DomainException e = assertThrows(DomainException.class, () -> fast.withLoad(2));
        assertTrue(e.getMessage().startsWith("At load 2, The fps (2000000) of task 't' must be in [0.001, 1000000]"), e.getMessage());
    }

    @Test
    void layerDimsAndWorkHaveARange() {
        DomainException big = assertThrows(DomainException.class,
                () -> new Layer("huge", LayerType.CONV, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 64, 64, 1, 1, 1, 0));
        assertEquals("N", big.path());
        int max = Limits.MAX_DIM;
        // every dim within range, but their product (1.2e18) is beyond the work of a layer (and near the long range)
        DomainException work = assertThrows(DomainException.class,
                () -> new Layer("wide", LayerType.CONV, 1, max, max, 1024, 1024, 1, 1, 1, 0));
        assertTrue(work.getMessage().contains("MACs, the most one layer may do"), work.getMessage());
        assertEquals("padY", assertThrows(DomainException.class, () -> new Layer("p", LayerType.CONV, 1, 1, 1, 1, 1, 1, 1, 1, max + 1, 0)).path());
    }

    @Test
    void aRatioWhoseSquareOverflowsIsRejected() {
        // 65536² overflows an int to 0, which used to reach a division by zero
        assertEquals("r", assertThrows(DomainException.class, () -> new VariantCandidate("l", 1 << 16)).path());
    }

    @Test
    void latenciesHaveARangeAndTheirSumTimesTheRatesIsBounded() {
        Instance one = instance("one", task("t", 30, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyTable.builder(one, "t.csv").put("m", 0, Implementation.ORIGINAL, 0, Long.MAX_VALUE));
        assertEquals("The latency (9223372036854775807 ns) of layer 'l' of model 'm' must be in [1, 1e12] ns", e.getMessage());
        // each latency within range, but 1000 frames a second of 1000 s each is a million accelerators' worth
        Instance busy = instance("busy", task("t", 1000, 0), task("u", 1000, 0));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> LatencyTable.builder(busy, "t.csv").put("m", 0, Implementation.ORIGINAL, 0, Limits.MAX_LATENCY_NS).build());
        assertTrue(u.getMessage().startsWith("The utilisation of instance 'busy' under the latencies of t.csv (2.00e+06"), u.getMessage());
        assertDoesNotThrow(() -> LatencyTable.builder(one, "t.csv").put("m", 0, Implementation.ORIGINAL, 0, Limits.MAX_LATENCY_NS).build());
    }

    @Test
    void countsHaveARange() {
        List<Layer> many = java.util.stream.IntStream.rangeClosed(0, Limits.MAX_LAYERS).mapToObj(i -> layer("l" + i)).toList();
        assertEquals("layers", assertThrows(DomainException.class, () -> new Model("m", "", many, List.of(), null, 1)).path());
    }
}
