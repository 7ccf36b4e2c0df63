package org.terastal.sim;

import java.util.Arrays;

/**
 * The simulator's pending events in a total order: time, then kind, then sequence number (the
 * order in which events were scheduled).
 *
 * <p>Each kind has its own lane, because kinds differ in how many can be pending: an accelerator
 * has at most one layer running, so completions live in one slot per accelerator (a push and a
 * pop cost a scan of the accelerators, no sift through a heap); releases and cascades go to small
 * {@link LongHeap}s keyed by time, then sequence, each event's data riding along as the payload. The next event is the earliest head of the three lanes,
 * and at equal times the lane of the lower kind, which gives the same order as one heap keyed by
 * (time, kind, sequence). Completions are by far the most frequent events, one per dispatched
 * layer, and now cost no sift through a heap (docs/benchmarks.md has the effect on run times).
 */
final class EventQueue {
    /** A layer finished; payload = accelerator index. Completions come first so that engines are free when releases are seen. */
    static final int COMPLETION = 0;
    /** A periodic release; payload = task index. */
    static final int RELEASE = 1;
    /** A cascade release; payload = child task index in the low 32 bits, parent frame id in the high 32. */
    static final int CASCADE = 2;

    private static final long NONE = Long.MAX_VALUE;

    /** Per accelerator: time of its pending completion or {@link #NONE}, and that event's sequence number. */
    private final long[] completionTime;
    private final long[] completionSeq;
    /** The accelerator whose completion comes first, or -1 when none is pending. */
    private int firstCompletion = -1;
    /** Keyed by time, then sequence; the event's data is the payload. */
    private final LongHeap releases = LongHeap.withPayloads();
    private final LongHeap cascades = LongHeap.withPayloads();
    private long seq;
    private int size;
    /** Time and kind of the first event when the queue is not empty: kept up to date by push and pop, so that a peek reads a field. */
    private long headTime = NONE;
    private int headKind;

    // the fields of the last popped event
    private int poppedKind;
    private long poppedPayload;

    /** An empty queue for a platform of {@code accelerators} engines (completion payloads are below it). */
    EventQueue(int accelerators) {
        completionTime = new long[accelerators];
        completionSeq = new long[accelerators];
        Arrays.fill(completionTime, NONE);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the first event; the queue must not be empty. */
    long peekTime() {
        return headTime;
    }

    /**
     * Schedules an event.
     *
     * @throws IllegalStateException when a completion is pushed for an accelerator that already has one pending
     */
    void push(long t, int kind, long data) {
        long s = seq++;
        switch (kind) {
            case COMPLETION -> {
                int acc = (int) data;
                if (completionTime[acc] != NONE) {
                    throw new IllegalStateException("Accelerator " + acc + " already has a completion pending at " + completionTime[acc]);
                }
                completionTime[acc] = t;
                completionSeq[acc] = s;
                if (firstCompletion < 0 || t < completionTime[firstCompletion]) {
                    firstCompletion = acc; // a later push never ties an earlier one on order: its sequence is higher
                }
            }
            case RELEASE -> releases.push(t, s, data);
            case CASCADE -> cascades.push(t, s, data);
            default -> throw new IllegalArgumentException("Unknown event kind " + kind);
        }
        // an equal time in the same lane comes later (higher sequence); in a lower lane it comes first
        if (++size == 1 || t < headTime || (t == headTime && kind < headKind)) {
            headTime = t;
            headKind = kind;
        }
    }

    /** Removes the first event; read it with {@link #kind()} and {@link #payload()}. */
    void pop() {
        size--;
        poppedKind = headKind;
        switch (headKind) {
            case COMPLETION -> {
                poppedPayload = firstCompletion;
                completionTime[firstCompletion] = NONE;
                firstCompletion = earliestCompletion();
            }
            case RELEASE -> poppedPayload = popPayload(releases);
            default -> poppedPayload = popPayload(cascades);
        }
        long c = firstCompletion < 0 ? NONE : completionTime[firstCompletion];
        long r = releases.isEmpty() ? NONE : releases.peekKey();
        long k = cascades.isEmpty() ? NONE : cascades.peekKey();
        if (firstCompletion >= 0 && c <= r && c <= k) {
            headTime = c;
            headKind = COMPLETION;
        } else if (!releases.isEmpty() && r <= k) {
            headTime = r;
            headKind = RELEASE;
        } else {
            headTime = k;
            headKind = CASCADE; // or nothing is pending, which size says
        }
    }

    private static long popPayload(LongHeap lane) {
        long payload = lane.peekPayload();
        lane.pop();
        return payload;
    }

    private int earliestCompletion() {
        int first = -1;
        for (int a = 0; a < completionTime.length; a++) {
            long t = completionTime[a];
            if (t != NONE && (first < 0 || t < completionTime[first]
                    || (t == completionTime[first] && completionSeq[a] < completionSeq[first]))) {
                first = a;
            }
        }
        return first;
    }

    int kind() {
        return poppedKind;
    }

    long payload() {
        return poppedPayload;
    }
}
