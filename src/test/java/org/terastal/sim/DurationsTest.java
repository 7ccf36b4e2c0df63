package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations are a plain positive number and a unit, at least one ns. */
class DurationsTest {

    @Test
    void everyUnit() {
        assertEquals(1_500, Durations.parseNs("1.5us"));
        assertEquals(250_000_000, Durations.parseNs("250ms"));
        assertEquals(10_000_000_000L, Durations.parseNs("10s"));
        assertEquals(120_000_000_000L, Durations.parseNs("2m"));
        assertEquals(3, Durations.parseNs(" 3 NS "));
        assertEquals(1_000, Durations.parseNs("1e3ns"));
        assertEquals(500_000, Durations.parseNs(".5ms"));
        assertArrayEquals(new long[] {0, 50_000_000}, Durations.parseWindow("0:50ms"));
    }

    /** Java's number syntax would read these (a double or float suffix, hexadecimal, infinity). */
    @ParameterizedTest
    @ValueSource(strings = {"1ds", "1fms", "2Dm", "0x10ns", "0x1p3s", "Infinitys", "NaNms", "+5s", "-1s", "1e3.5s", "s", "10"})
    void notAPlainNumberAndUnit(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNs(text));
        assertTrue(e.getMessage().startsWith("The duration (" + text + ") is not a positive number with a unit"), e.getMessage());
    }

    @Test
    void shorterThanOneNanosecond() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("0.4ns"));
        assertEquals("The duration (0.4ns) is shorter than 1 ns, the toolkit's time step; maybe 1ns", e.getMessage());
    }
}
