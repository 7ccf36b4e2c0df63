package org.terastal.sim;

import java.nio.charset.StandardCharsets;

/**
 * A named, seeded stream of random numbers (SplitMix64). Each task draws its release jitter and
 * its cascade coin flips from its own stream, named after the task, so adding a task or changing
 * one task's rate does not shift the numbers every other task sees. The generator is written out
 * here rather than taken from the JDK so that outputs stay byte-identical across Java versions.
 */
final class RandomStream {
    private long state;

    RandomStream(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        state = mix(seed ^ mix(h));
    }

    long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, max], both ends included; max must not be negative. */
    long nextLongInclusive(long max) {
        if (max == 0) {
            return 0;
        }
        long bound = max + 1;
        if (bound <= 0) {
            return nextLong() & Long.MAX_VALUE;
        }
        long u = nextLong() >>> 1;
        long r = u % bound;
        // reject the top partial block so that every value is equally likely
        while (u - r + (bound - 1) < 0) {
            u = nextLong() >>> 1;
            r = u % bound;
        }
        return r;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
