package org.terastal.sim;

import java.util.Arrays;

/**
 * A binary min-heap of (key, value) pairs of primitive longs, ordered by key and then by value,
 * so that equal keys come out in a fixed order. No boxing and no allocation except when the
 * arrays grow; schedulers use it for their ready queues (value = frame id) with lazy deletion.
 */
public final class LongHeap {
    private long[] keys;
    private long[] values;
    private int size;

    /** An empty heap. */
    public LongHeap() {
        keys = new long[64];
        values = new long[64];
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

    public void push(long key, long value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, value, keys[parent], values[parent])) {
                break;
            }
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Removes the smallest pair and returns its value; read {@link #peekKey()} first if the key is needed. */
    public long pop() {
        long top = values[0];
        long key = keys[--size];
        long value = values[size];
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
            keys[i] = keys[child];
            values[i] = values[child];
            i = child;
        }
        keys[i] = key;
        values[i] = value;
        return top;
    }

    private static boolean less(long k1, long v1, long k2, long v2) {
        return k1 < k2 || (k1 == k2 && v1 < v2);
    }
}
