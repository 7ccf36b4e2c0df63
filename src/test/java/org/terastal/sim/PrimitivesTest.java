package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void heapPayloadsRideWithTheirEntries() {
        LongHeap h = LongHeap.withPayloads();
        Random rnd = new Random(5);
        List<long[]> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long[] e = {rnd.nextInt(50), i, rnd.nextLong()};
            entries.add(e);
            h.push(e[0], e[1], e[2]);
        }
        entries.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (long[] e : entries) {
            assertEquals(e[2], h.peekPayload());
            assertEquals(e[1], h.pop());
        }
        assertTrue(h.isEmpty());
    }

    @Test
    void eventsOrderByTimeKindThenSequence() {
        EventQueue q = new EventQueue(4);
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

    /**
     * Interleaved pushes and pops as the simulator makes them (at most one completion pending per
     * accelerator, times never before the last popped one) against a reference that sorts every
     * pending event by (time, kind, sequence).
     */
    @Test
    void eventLanesKeepTheTotalOrderOfOneHeap() {
        for (long seed = 1; seed <= 200; seed++) {
            Random rnd = new Random(seed);
            int accs = 1 + rnd.nextInt(5);
            EventQueue q = new EventQueue(accs);
            List<long[]> pending = new ArrayList<>(); // time, kind, seq, payload
            boolean[] busy = new boolean[accs];
            long now = 0;
            long seq = 0;
            for (int step = 0; step < 400; step++) {
                if (pending.isEmpty() || rnd.nextInt(3) > 0) {
                    int kind = rnd.nextInt(3);
                    long payload = rnd.nextInt(1000);
                    if (kind == EventQueue.COMPLETION) {
                        int acc = rnd.nextInt(accs);
                        if (busy[acc]) {
                            continue;
                        }
                        busy[acc] = true;
                        payload = acc;
                    }
                    long t = now + rnd.nextInt(4); // small range: many ties in time
                    q.push(t, kind, payload);
                    pending.add(new long[] {t, kind, seq++, payload});
                } else {
                    pending.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                            : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
                    long[] first = pending.remove(0);
                    assertEquals(first[0], q.peekTime(), "seed " + seed + ", step " + step);
                    q.pop();
                    assertEquals(first[1], q.kind(), "seed " + seed + ", step " + step);
                    assertEquals(first[3], q.payload(), "seed " + seed + ", step " + step);
                    now = first[0];
                    if (first[1] == EventQueue.COMPLETION) {
                        busy[(int) first[3]] = false;
                    }
                }
                assertEquals(pending.isEmpty(), q.isEmpty(), "seed " + seed + ", step " + step);
            }
        }
    }

    @Test
    void aSecondCompletionForABusyAcceleratorIsRefused() {
        EventQueue q = new EventQueue(2);
        q.push(5, EventQueue.COMPLETION, 1);
        assertThrows(IllegalStateException.class, () -> q.push(7, EventQueue.COMPLETION, 1));
    }

    /** The queue's cached head must not take an event at the largest time for an empty queue. */
    @Test
    void eventsAtTheLargestTimeAreKept() {
        EventQueue q = new EventQueue(1);
        q.push(Long.MAX_VALUE, EventQueue.CASCADE, 2);
        q.push(Long.MAX_VALUE, EventQueue.RELEASE, 1);
        assertFalse(q.isEmpty());
        assertEquals(Long.MAX_VALUE, q.peekTime());
        q.pop();
        assertEquals(EventQueue.RELEASE, q.kind());
        assertEquals(1, q.payload());
        assertFalse(q.isEmpty());
        q.pop();
        assertEquals(EventQueue.CASCADE, q.kind());
        assertEquals(2, q.payload());
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
