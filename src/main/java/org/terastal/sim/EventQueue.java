package org.terastal.sim;

import java.util.Arrays;

/**
 * The simulator's pending events in a total order: time, then kind, then sequence number (the
 * order in which events were scheduled). Kind and sequence are packed into one long, so one
 * comparison of two longs orders any two events; the payload rides along in a parallel array.
 */
final class EventQueue {
    /** A layer finished; payload = accelerator index. Completions come first so that engines are free when releases are seen. */
    static final int COMPLETION = 0;
    /** A periodic release; payload = task index. */
    static final int RELEASE = 1;
    /** A cascade release; payload = child task index in the low 32 bits, parent frame id in the high 32. */
    static final int CASCADE = 2;

    private static final int KIND_SHIFT = 60;
    private static final long SEQ_MASK = (1L << KIND_SHIFT) - 1;

    private long[] time = new long[16];
    private long[] order = new long[16];
    private long[] payload = new long[16];
    private int size;
    private long seq;

    // the fields of the last popped event
    private long poppedTime;
    private int poppedKind;
    private long poppedPayload;

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return time[0];
    }

    void push(long t, int kind, long data) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            order = Arrays.copyOf(order, size * 2);
            payload = Arrays.copyOf(payload, size * 2);
        }
        long o = ((long) kind << KIND_SHIFT) | (seq++ & SEQ_MASK);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (time[parent] < t || (time[parent] == t && order[parent] < o)) {
                break;
            }
            time[i] = time[parent];
            order[i] = order[parent];
            payload[i] = payload[parent];
            i = parent;
        }
        time[i] = t;
        order[i] = o;
        payload[i] = data;
    }

    /** Removes the first event; read it with {@link #time()}, {@link #kind()}, {@link #payload()}. */
    void pop() {
        poppedTime = time[0];
        poppedKind = (int) (order[0] >>> KIND_SHIFT);
        poppedPayload = payload[0];
        size--;
        long t = time[size];
        long o = order[size];
        long p = payload[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && (time[right] < time[child] || (time[right] == time[child] && order[right] < order[child]))) {
                child = right;
            }
            if (t < time[child] || (t == time[child] && o < order[child])) {
                break;
            }
            time[i] = time[child];
            order[i] = order[child];
            payload[i] = payload[child];
            i = child;
        }
        time[i] = t;
        order[i] = o;
        payload[i] = p;
    }

    long time() {
        return poppedTime;
    }

    int kind() {
        return poppedKind;
    }

    long payload() {
        return poppedPayload;
    }
}
