package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.offline.OfflineProblem.ModelData;
import org.terastal.offline.OfflineProblem.VariantSet;

class OfflineProblemTest {

    private static List<String> sets(ModelData m) {
        return m.admissible().stream().map(s -> s.layers().toString()).toList();
    }

    @Test
    void admissibleSetsAreMeasuredCombinationsWhoseEverySubsetMeetsTheFloor() {
        Instance pair = TestInstances.pair();
        OfflineProblem p = OfflineProblem.of(pair, TestInstances.latencies(pair), OfflineProblem.PPM);
        ModelData resnet = p.models().get(0);
        assertEquals(List.of("[]", "[layer2_0_conv1]", "[layer3_0_conv1]", "[layer3_0_conv2]", "[layer4_0_conv1]", "[layer4_0_conv2]",
                "[layer4_1_conv2]", "[layer4_2_conv2]", "[layer2_0_conv1, layer3_0_conv1]", "[layer2_0_conv1, layer3_0_conv2]",
                "[layer2_0_conv1, layer4_1_conv2]", "[layer2_0_conv1, layer4_2_conv2]"), sets(resnet));
        VariantSet two = resnet.admissible().get(8);
        assertEquals(0.9717854835235838, two.worstAccuracy(), 1e-15);
        assertEquals(28215, two.lossPpm());
        assertEquals(0, resnet.admissible().get(0).lossPpm());
        assertEquals(7, resnet.candidates().size());
    }

    @Test
    void aCandidateInNoAdmissibleSetNeverRunsAsAVariant() {
        Instance vgg = TestInstances.named("vgg11@30");
        OfflineProblem p = OfflineProblem.of(vgg, TestInstances.latencies(vgg), OfflineProblem.PPM);
        ModelData m = p.models().get(0);
        assertEquals(List.of("[]"), sets(m));
        assertEquals(List.of(), m.candidates());
        assertEquals(false, m.layers().stream().anyMatch(OfflineProblem.LayerData::hasVariant));
    }

    @Test
    void ratesAddUpDeadlinesTakeTheTightestAndModelsWithoutTasksAreLeftOut() {
        Model sp = InstanceFiles.readModel(Path.of("models/sp2dense.json"));
        Model vgg = InstanceFiles.readModel(Path.of("models/vgg11.json"));
        Instance instance = new Instance("two-tasks", "", TestInstances.dual(), List.of(vgg, sp), List.of(
                new Task("a", "sp2dense", 10, 0, 0, 0, null, 1),
                new Task("b", "sp2dense", 20, 40_000_000, 0, 0, null, 1)));
        OfflineProblem p = OfflineProblem.of(instance, TestInstances.latencies(instance), OfflineProblem.PPM);
        assertEquals(1, p.models().size());
        ModelData m = p.models().get(0);
        assertEquals(30.0, m.fps());
        assertEquals(40_000_000, m.deadlineNs());
        long ns = m.layers().get(0).latency(org.terastal.domain.Implementation.ORIGINAL, 0);
        assertEquals(Math.round(ns * 30 / 1000.0), m.layers().get(0).load(org.terastal.domain.Implementation.ORIGINAL, 0));
    }

    @Test
    void loadsAreRoundedPartsPerMillion() {
        assertEquals(30_000, OfflineProblem.loadPpm(1_000_000, 30));
        assertEquals(1, OfflineProblem.loadPpm(17, 30)); // 0.51 ppm
        assertEquals(0, OfflineProblem.loadPpm(16, 30)); // 0.48 ppm
    }

    @Test
    void aCoarserTimeUnitRoundsLatenciesUpAndDeadlinesDownAndKeepsLoads() {
        Instance instance = TestInstances.named("vgg11@30");
        OfflineProblem ns = OfflineProblem.of(instance, TestInstances.latencies(instance), OfflineProblem.PPM);
        OfflineProblem us = ns.inTimeUnit(1000);
        assertEquals(1000, us.timeUnitNs());
        ModelData m = ns.models().get(0);
        ModelData coarse = us.models().get(0);
        assertEquals(m.deadlineNs() / 1000, coarse.deadlineNs());
        assertTrue(m.deadlineNs() % 1000 != 0, "the deadline 1/30 s is no whole number of µs, so it is rounded down");
        for (int l = 0; l < m.layers().size(); l++) {
            for (int a = 0; a < 2; a++) {
                long latency = m.layers().get(l).latency(Implementation.ORIGINAL, a);
                assertEquals((latency + 999) / 1000, coarse.layers().get(l).latency(Implementation.ORIGINAL, a));
                assertEquals(m.layers().get(l).load(Implementation.ORIGINAL, a), coarse.layers().get(l).load(Implementation.ORIGINAL, a));
            }
            assertEquals(m.layers().get(l).workPpm(), coarse.layers().get(l).workPpm());
        }
        assertSame(ns, ns.inTimeUnit(1));
        assertThrows(IllegalArgumentException.class, () -> us.inTimeUnit(10), "units do not compound");
    }

    @Test
    void aLatencyTableOfAnotherPlatformIsRefused() {
        Instance pair = TestInstances.pair();
        Instance single = new Instance("single", "", new org.terastal.domain.Platform("one", List.of(TestInstances.dual().accelerators().get(0))),
                pair.models(), pair.tasks());
        assertEquals("The accelerators [ws, os] of latency table 'six-models-maestro-dual2048.csv' are not those of instance 'single' [ws]; "
                + "maybe the table belongs to another platform",
                assertThrows(IllegalArgumentException.class, () -> OfflineProblem.of(single, TestInstances.latencies(pair), OfflineProblem.PPM))
                        .getMessage());
    }
}
