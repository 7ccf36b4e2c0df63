package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.io.json.InstanceFiles;

class InstanceGeneratorTest {

    @Test
    void theSameSettingsGiveTheSameInstance() {
        InstanceGenerator.Settings s = new InstanceGenerator.Settings(42, 3, 20, 2, 0.5);
        assertEquals(InstanceFiles.toJson(InstanceGenerator.generate(s)), InstanceFiles.toJson(InstanceGenerator.generate(s)));
        assertNotEquals(InstanceFiles.checksum(InstanceGenerator.generate(s)),
                InstanceFiles.checksum(InstanceGenerator.generate(new InstanceGenerator.Settings(43, 3, 20, 2, 0.5))));
    }

    @Test
    void theLargestSizeIsValidAndRoundTrips() {
        Instance instance = InstanceGenerator.generate(new InstanceGenerator.Settings(1, 32, 200, 4, 0.5));
        assertEquals(32, instance.models().size());
        assertTrue(instance.models().stream().allMatch(m -> m.layers().size() == 200));
        assertEquals(List.of("ws", "os", "rs", "ws2"), instance.platform().accelerators().stream().map(a -> a.id()).toList());
        assertEquals(instance, InstanceFiles.parse("generated.json", InstanceFiles.toJson(instance)));
    }

    @Test
    void accuracyFallsWithEveryAddedVariantAndOnlySmallCombinationsAreMeasured() {
        Instance instance = InstanceGenerator.generate(new InstanceGenerator.Settings(5, 6, 30, 2, 0.5));
        for (Model m : instance.models()) {
            assertTrue(m.candidates().size() >= 1 && m.candidates().size() <= 6, m.id());
            for (AccuracyRow row : m.accuracy().rows()) {
                assertTrue(row.variants().size() <= 3);
                for (String removed : row.variants()) {
                    Set<String> smaller = new TreeSet<>(row.combination());
                    smaller.remove(removed);
                    assertTrue(m.normalisedAccuracy(smaller).getAsDouble() >= m.normalisedAccuracy(row.combination()).getAsDouble(),
                            m.id() + " " + row.variants());
                }
            }
        }
    }

    @Test
    void ratesAreScaledToTheIdealLoad() {
        Instance instance = InstanceGenerator.generate(new InstanceGenerator.Settings(3, 4, 40, 2, 0.8));
        double ideal = 0;
        for (var task : instance.tasks()) {
            ideal += task.fps() * instance.model(task.model()).macs() / (2048 * 1e9);
        }
        assertEquals(0.8, ideal, 0.01);
    }

    @Test
    void sizesOutOfRangeAreRefused() {
        assertEquals("The layers (201) of the generator must be in 7–200",
                assertThrows(IllegalArgumentException.class, () -> new InstanceGenerator.Settings(0, 1, 201, 2, 0.5)).getMessage());
        assertEquals("The accelerators (5) of the generator must be in 1–4",
                assertThrows(IllegalArgumentException.class, () -> new InstanceGenerator.Settings(0, 1, 20, 5, 0.5)).getMessage());
    }
}
