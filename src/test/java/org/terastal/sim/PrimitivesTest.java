package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap, the event queue's total order and the named random streams. */
class PrimitivesTest {
    @Test
    void heapPopsInKeyThenValueOrder() {
        LongHeap h = new LongHeap();
        Random rnd = new Random(3);
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long[] p = {rnd.nextInt(50), rnd.nextInt(1000)};
            pairs.add(p);
            h.push(p[0], p[1]);
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (long[] p : pairs) {
            assertEquals(p[0], h.peekKey());
            assertEquals(p[1], h.pop());
        }
        assertTrue(h.isEmpty());
    }

    @Test
    void eventsOrderByTimeKindThenSequence() {
        EventQueue q = new EventQueue();
        q.push(5, EventQueue.RELEASE, 1);
        q.push(5, EventQueue.CASCADE, 2);
        q.push(5, EventQueue.COMPLETION, 3);
        q.push(5, EventQueue.RELEASE, 4);
        q.push(2, EventQueue.CASCADE, 5);
        long[] expected = {5, 3, 1, 4, 2};
        for (long payload : expected) {
            q.pop();
            assertEquals(payload, q.payload());
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void streamsAreNamedSeededAndInRange() {
        RandomStream a = new RandomStream(42, "release-jitter/t");
        RandomStream b = new RandomStream(42, "release-jitter/t");
        RandomStream c = new RandomStream(42, "release-jitter/u");
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            long x = a.nextLongInclusive(10);
            assertEquals(x, b.nextLongInclusive(10));
            assertTrue(x >= 0 && x <= 10);
            differs |= x != c.nextLongInclusive(10);
            double d = a.nextDouble();
            assertEquals(d, b.nextDouble());
            assertTrue(d >= 0 && d < 1);
            c.nextDouble();
        }
        assertTrue(differs);
        assertNotEquals(new RandomStream(1, "x").nextLong(), new RandomStream(2, "x").nextLong());
        assertEquals(0, a.nextLongInclusive(0));
    }
}
