package org.terastal.sim;

import java.util.Arrays;

/**
 * A binary min-heap of (key, value) pairs of primitive longs, ordered by key and then by value,
 * so that equal keys come out in a fixed order. No boxing and no allocation except when the
 * arrays grow. Schedulers use it for their ready queues (value = frame id) with lazy deletion; the
 * simulator's event queue keeps its releases and cascades in heaps {@linkplain #withPayloads() with
 * payloads}, ordered by (time, sequence number), each entry carrying its event's data.
 */
public final class LongHeap {
    private long[] keys;
    private long[] values;
    /** Per entry, the long that rides along without taking part in the order; null in a heap without payloads. */
    private long[] payloads;
    private int size;

    /** An empty heap. */
    public LongHeap() {
        keys = new long[64];
        values = new long[64];
    }

    /** An empty heap whose entries each carry a payload beside their key and value ({@link #push(long, long, long)}). */
    public static LongHeap withPayloads() {
        LongHeap heap = new LongHeap();
        heap.payloads = new long[heap.keys.length];
        return heap;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    /** Smallest key; the heap must not be empty. */
    public long peekKey() {
        return keys[0];
    }

    /** Value of the smallest pair; the heap must not be empty. */
    public long peekValue() {
        return values[0];
    }

    /** Payload of the smallest entry; the heap must not be empty and must carry {@linkplain #withPayloads() payloads}. */
    public long peekPayload() {
        return payloads[0];
    }

    /** Adds a pair to a heap without payloads (a heap with them stores payload 0). */
    public void push(long key, long value) {
        push(key, value, 0);
    }

    /** Adds an entry; the payload is kept only by a heap {@linkplain #withPayloads() with payloads}. */
    public void push(long key, long value, long payload) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
            if (payloads != null) {
                payloads = Arrays.copyOf(payloads, size * 2);
            }
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, value, keys[parent], values[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
        if (payloads != null) {
            payloads[i] = payload;
        }
    }

    /**
     * Removes the smallest entry and returns its value; read {@link #peekKey()} (or
     * {@link #peekPayload()}) first if the key (or payload) is needed.
     */
    public long pop() {
        long top = values[0];
        long key = keys[--size];
        long value = values[size];
        long payload = payloads == null ? 0 : payloads[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(keys[right], values[right], keys[child], values[child])) {
                child = right;
            }
            if (!less(keys[child], values[child], key, value)) {
                break;
            }
            move(child, i);
            i = child;
        }
        keys[i] = key;
        values[i] = value;
        if (payloads != null) {
            payloads[i] = payload;
        }
        return top;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        values[to] = values[from];
        if (payloads != null) {
            payloads[to] = payloads[from];
        }
    }

    private static boolean less(long k1, long v1, long k2, long v2) {
        return k1 < k2 || (k1 == k2 && v1 < v2);
    }
}
